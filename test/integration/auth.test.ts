// lib/synapse/auth.ts against the real test Synapse.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { getLoginFlows, isServerAdmin, loginWithPassword, loginWithToken, logout, whoami } from "@/lib/synapse/auth";
import { describeError } from "@/lib/synapse/describe-error";
import { adminToken, api, createUser, loadTestbed, randomSuffix } from "../../e2e/synapse/testbed";
import { synapseError } from "./rejection";
import { messageIn } from "@/lib/i18n/translator";

const tb = loadTestbed();
const baseUrl = tb.baseUrl;


const userPassword = `pw-${randomSuffix()}-${randomSuffix()}`;
let userId: string;
// Tokens this file holds; each one is logged out at the end.
let adminLogin: { userId: string; accessToken: string; deviceId: string | null };
let userLogin: { userId: string; accessToken: string; deviceId: string | null };
const toLogOut: string[] = [];

before(async () => {
  // The admin logs in through the code under test; createUser (testbed) logs in once more on its own.
  adminLogin = await loginWithPassword(baseUrl, tb.admin.userId, tb.admin.password);
  toLogOut.push(adminLogin.accessToken);
  userId = await createUser(`it-user-${randomSuffix()}`, userPassword);
  userLogin = await loginWithPassword(baseUrl, userId, userPassword);
  toLogOut.push(userLogin.accessToken);
});

after(async () => {
  toLogOut.push(await adminToken()); // the one createUser logged in with
  for (const token of toLogOut) await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
});

describe("getLoginFlows", () => {
  test("the provisioned test server offers password, token and SSO through its test identity provider", async () => {
    const flows = await getLoginFlows(baseUrl);
    assert.equal(flows.password, true);
    assert.equal(flows.token, true);
    if (tb.oidcPort) {
      assert.equal(flows.sso, true);
      assert.deepEqual(flows.identityProviders, [{ id: "oidc-test", name: "Test IdP" }]);
    }
  });

  test("it matches what GET /login reports", async () => {
    const raw = await api<{ flows: { type: string }[] }>("/_matrix/client/v3/login");
    const types = raw.body.flows.map((f) => f.type);
    const flows = await getLoginFlows(`${baseUrl}/`);
    assert.equal(flows.password, types.includes("m.login.password"));
    assert.equal(flows.token, types.includes("m.login.token"));
    assert.equal(flows.sso, types.includes("m.login.sso"));
  });
});

describe("loginWithPassword", () => {
  test("returns the user ID, an access token and a device", async () => {
    assert.equal(adminLogin.userId, tb.admin.userId);
    assert.match(adminLogin.accessToken, /^\S{10,}$/);
    assert.ok(adminLogin.deviceId, "a device ID");
    assert.equal(userLogin.userId, userId);
    assert.notEqual(userLogin.accessToken, adminLogin.accessToken);
  });

  test("the new device carries the portal's display name", async () => {
    const r = await api<{ display_name: string | null }>(
      `/_synapse/admin/v2/users/${encodeURIComponent(userId)}/devices/${encodeURIComponent(userLogin.deviceId!)}`,
      { token: adminLogin.accessToken },
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.display_name, "Synapse Admin Portal");
  });

  test("a wrong password → 403 M_FORBIDDEN, shown as 'Wrong Matrix ID or password'", async () => {
    const e = await synapseError(loginWithPassword(baseUrl, userId, `${userPassword}-wrong`));
    assert.equal(e.status, 403);
    assert.equal(e.errcode, "M_FORBIDDEN");
    assert.match(messageIn(describeError(e, "login").message), /Wrong Matrix ID or password/);
    assert.match(messageIn(describeError(e, "login").message, "de"), /^Falsche Matrix-ID oder falsches Passwort\./);
  });

  test("an unknown user gets the same 403 M_FORBIDDEN", async () => {
    const e = await synapseError(loginWithPassword(baseUrl, `@it-nobody-${randomSuffix()}:${tb.serverName}`, "whatever"));
    assert.equal(e.status, 403);
    assert.equal(e.errcode, "M_FORBIDDEN");
  });
});

describe("whoami", () => {
  test("returns the token's user and device", async () => {
    assert.deepEqual(await whoami({ baseUrl, accessToken: adminLogin.accessToken }), {
      userId: tb.admin.userId,
      deviceId: adminLogin.deviceId,
    });
    assert.deepEqual(await whoami({ baseUrl, accessToken: userLogin.accessToken }), {
      userId,
      deviceId: userLogin.deviceId,
    });
  });

  test("a garbage token → 401 M_UNKNOWN_TOKEN", async () => {
    const e = await synapseError(whoami({ baseUrl, accessToken: `made-up-token-${randomSuffix()}` }));
    assert.equal(e.status, 401);
    assert.equal(e.errcode, "M_UNKNOWN_TOKEN");
  });
});

describe("isServerAdmin", () => {
  test("true for the admin", async () => {
    assert.equal(await isServerAdmin({ baseUrl, accessToken: adminLogin.accessToken }, adminLogin.userId), true);
  });

  test("false for a non-admin asking about itself (Synapse answers 403)", async () => {
    assert.equal(await isServerAdmin({ baseUrl, accessToken: userLogin.accessToken }, userId), false);
  });

  test("false when an admin asks about a non-admin", async () => {
    assert.equal(await isServerAdmin({ baseUrl, accessToken: adminLogin.accessToken }, userId), false);
  });

  test("a dead token is not 'not admin': it throws 401", async () => {
    const e = await synapseError(isServerAdmin({ baseUrl, accessToken: `made-up-token-${randomSuffix()}` }, userId));
    assert.equal(e.status, 401);
    assert.equal(e.errcode, "M_UNKNOWN_TOKEN");
  });
});

describe("logout and token login", () => {
  test("logout revokes the token and deletes its device; a second logout is fine", async () => {
    const login = await loginWithPassword(baseUrl, userId, userPassword);
    toLogOut.push(login.accessToken);
    const creds = { baseUrl, accessToken: login.accessToken };
    assert.equal((await whoami(creds)).userId, userId);
    const devicePath = `/_synapse/admin/v2/users/${encodeURIComponent(userId)}/devices/${encodeURIComponent(login.deviceId!)}`;
    assert.equal((await api(devicePath, { token: adminLogin.accessToken })).status, 200);

    await logout(creds);
    assert.equal((await api(devicePath, { token: adminLogin.accessToken })).status, 404);
    const e = await synapseError(whoami(creds));
    assert.equal(e.status, 401);
    assert.equal(e.errcode, "M_UNKNOWN_TOKEN");
    assert.equal(e.softLogout, false);
    assert.equal(describeError(e).code, "SESSION_ENDED");

    await assert.doesNotReject(logout(creds));
    // Other sessions of the same user are untouched.
    assert.equal((await whoami({ baseUrl, accessToken: userLogin.accessToken })).userId, userId);
  });

  test("loginWithToken exchanges a login token for a new session", async () => {
    const r = await api<{ login_token: string; expires_in_ms: number }>("/_matrix/client/v1/login/get_token", {
      method: "POST",
      token: userLogin.accessToken,
      body: {},
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.login_token);

    const login = await loginWithToken(baseUrl, r.body.login_token);
    toLogOut.push(login.accessToken);
    assert.equal(login.userId, userId);
    assert.notEqual(login.accessToken, userLogin.accessToken);
    assert.ok(login.deviceId);
    assert.notEqual(login.deviceId, userLogin.deviceId);
    assert.deepEqual(await whoami({ baseUrl, accessToken: login.accessToken }), { userId, deviceId: login.deviceId });

    // A login token is single-use.
    const e = await synapseError(loginWithToken(baseUrl, r.body.login_token));
    assert.equal(e.status, 403);
    assert.equal(e.errcode, "M_FORBIDDEN");
  });

  test("loginWithToken with a made-up token → 403 M_FORBIDDEN", async () => {
    const e = await synapseError(loginWithToken(baseUrl, `syl_made_up_${randomSuffix()}`));
    assert.equal(e.status, 403);
    assert.equal(e.errcode, "M_FORBIDDEN");
  });
});
