// synapseFetch against the real test Synapse: how Synapse's error answers become SynapseError.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { synapseFetch, encodeId } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { isSessionEnded, SynapseError } from "@/lib/synapse/errors";
import { adminToken, api, createUser, loadTestbed, passwordLogin, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { described, synapseError } from "./rejection";

const tb = loadTestbed();
const baseUrl = tb.baseUrl;


let admin: string;
let userId: string;
let userToken: string;

before(async () => {
  admin = await adminToken();
  const password = `pw-${randomSuffix()}-${randomSuffix()}`;
  userId = await createUser(`it-user-${randomSuffix()}`, password);
  userToken = await passwordLogin(userId, password);
});

after(async () => {
  for (const token of [userToken, admin]) {
    if (token) await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
  }
});

describe("synapseFetch on the real Synapse", () => {
  test("a successful admin call returns the parsed body", async () => {
    const me = await synapseFetch<{ name: string; admin: boolean; deactivated: boolean }>(
      { baseUrl, accessToken: admin },
      `/_synapse/admin/v2/users/${encodeId(userId)}`,
    );
    assert.equal(me.name, userId);
    assert.equal(me.admin, false);
    assert.equal(me.deactivated, false);
  });

  test("a trailing slash on the base URL and query parameters work", async () => {
    const page = await synapseFetch<{ users: { name: string }[]; total: number }>(
      { baseUrl: `${baseUrl}/`, accessToken: admin },
      "/_synapse/admin/v2/users",
      { query: { user_id: userId, limit: 5 } },
    );
    assert.deepEqual(
      page.users.map((u) => u.name),
      [userId],
    );
    assert.equal(page.total, 1);
  });

  test("no token → 401 M_MISSING_TOKEN", async () => {
    const e = await synapseError(synapseFetch({ baseUrl }, "/_matrix/client/v3/account/whoami"));
    assert.equal(e.status, 401);
    assert.equal(e.errcode, "M_MISSING_TOKEN");
    assert.equal(e.error, "Missing access token");
    assert.equal(isSessionEnded(e), true);
    assert.equal(describeError(e).code, "SESSION_ENDED");
  });

  test("a garbage token on an admin API → 401 M_UNKNOWN_TOKEN with soft_logout false", async () => {
    const e = await synapseError(
      synapseFetch({ baseUrl, accessToken: `made-up-token-${randomSuffix()}` }, "/_synapse/admin/v2/users"),
    );
    assert.equal(e.status, 401);
    assert.equal(e.errcode, "M_UNKNOWN_TOKEN");
    assert.equal(e.softLogout, false);
    assert.equal(isSessionEnded(e), true);
  });

  test("a garbage token on the client API → 401 M_UNKNOWN_TOKEN", async () => {
    const e = await synapseError(synapseFetch({ baseUrl, accessToken: "not-a-real-token" }, "/_matrix/client/v3/account/whoami"));
    assert.equal(e.status, 401);
    assert.equal(e.errcode, "M_UNKNOWN_TOKEN");
  });

  test("a non-admin token on an admin API → 403 M_FORBIDDEN 'You are not a server admin'", async () => {
    const e = await synapseError(synapseFetch({ baseUrl, accessToken: userToken }, "/_synapse/admin/v2/users", { query: { limit: 1 } }));
    assert.equal(e.status, 403);
    assert.equal(e.errcode, "M_FORBIDDEN");
    assert.equal(e.error, "You are not a server admin");
    assert.equal(isSessionEnded(e), false);
    assert.deepEqual(described(e), { code: "NOT_ADMIN", message: "This account is not a server admin." });
  });

  test("the same non-admin token still works on the client API", async () => {
    const me = await synapseFetch<{ user_id: string }>({ baseUrl, accessToken: userToken }, "/_matrix/client/v3/account/whoami");
    assert.equal(me.user_id, userId);
  });

  test("an unknown user → 404 M_NOT_FOUND", async () => {
    const ghost = `@it-ghost-${randomSuffix()}:${await serverName()}`;
    const e = await synapseError(synapseFetch({ baseUrl, accessToken: admin }, `/_synapse/admin/v2/users/${encodeId(ghost)}`));
    assert.equal(e.status, 404);
    assert.equal(e.errcode, "M_NOT_FOUND");
    assert.equal(describeError(e).code, "M_NOT_FOUND");
  });

  test("an unknown admin path → 404 M_UNRECOGNIZED", async () => {
    const e = await synapseError(synapseFetch({ baseUrl, accessToken: admin }, "/_synapse/admin/v1/no_such_endpoint"));
    assert.equal(e.status, 404);
    assert.equal(e.errcode, "M_UNRECOGNIZED");
    assert.equal(describeError(e).code, "M_UNRECOGNIZED");
  });

  test("a bad query value → 400 M_INVALID_PARAM with Synapse's sentence", async () => {
    const e = await synapseError(synapseFetch({ baseUrl, accessToken: admin }, "/_synapse/admin/v2/users", { query: { limit: -1 } }));
    assert.equal(e.status, 400);
    assert.equal(e.errcode, "M_INVALID_PARAM");
    assert.ok(e.error.length > 0);
    assert.equal(describeError(e).code, "M_INVALID_PARAM");
  });

  test("a refused admin action keeps Synapse's own sentence", async () => {
    const e = await synapseError(
      synapseFetch({ baseUrl, accessToken: admin }, `/_synapse/admin/v1/users/${encodeId(tb.admin.userId)}/admin`, {
        method: "PUT",
        body: { admin: false },
      }),
    );
    assert.equal(e.status, 400);
    assert.equal(e.error, "You may not demote yourself.");
    assert.equal(described(e).message, "You may not demote yourself.");
  });
});
