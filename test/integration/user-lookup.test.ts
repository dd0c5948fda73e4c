// Finding users by e-mail, phone and SSO id against the real test Synapse.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { findUserByExternalId, findUserByThreepid } from "@/lib/synapse/user-lookup";
import { findUserSchema } from "@/lib/schemas/moderation";
import { adminToken, api, loadTestbed, randomSuffix } from "../../e2e/synapse/testbed";
import { createMember } from "../../e2e/rooms-fixtures";

const tb = loadTestbed();
const sfx = randomSuffix();
const email = `It.Find.${sfx}@Example.org`;
const phone = `4477${String(parseInt(sfx, 16)).padStart(10, "0").slice(0, 8)}`;
let creds: { baseUrl: string; accessToken: string };
let user: { userId: string };

before(async () => {
  creds = { baseUrl: tb.baseUrl, accessToken: await adminToken() };
  user = await createMember(`it-find-${sfx}`);
  const r = await api(`/_synapse/admin/v2/users/${encodeURIComponent(user.userId)}`, {
    method: "PUT",
    token: creds.accessToken,
    body: { threepids: [{ medium: "email", address: email }, { medium: "msisdn", address: phone }], external_ids: [{ auth_provider: "oidc-test", external_id: `sub-${sfx}` }] },
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

describe("find a user", () => {
  test("by e-mail as typed (any case), by phone with + and spaces, by SSO id", async () => {
    const byMail = findUserSchema.parse({ by: "threepid", threepid: { medium: "email", address: ` ${email} ` } });
    assert.equal(byMail.by === "threepid" && (await findUserByThreepid(creds, byMail.threepid.medium, byMail.threepid.address)), user.userId);
    const typed = `+${phone.slice(0, 2)} ${phone.slice(2, 6)} ${phone.slice(6)}`;
    const byPhone = findUserSchema.parse({ by: "threepid", threepid: { medium: "msisdn", address: typed } });
    assert.equal(byPhone.by === "threepid" && (await findUserByThreepid(creds, "msisdn", byPhone.threepid.address)), user.userId);
    assert.equal(await findUserByExternalId(creds, "oidc-test", `sub-${sfx}`), user.userId);
  });

  test("nobody: null, not an error", async () => {
    assert.equal(await findUserByThreepid(creds, "email", `nobody-${sfx}@example.org`), null);
    assert.equal(await findUserByExternalId(creds, "oidc-test", `nobody-${sfx}`), null);
    assert.equal(await findUserByExternalId(creds, "no-such-provider", `sub-${sfx}`), null);
  });

  test("malformed input is refused before anything is sent", () => {
    for (const bad of [
      { by: "threepid", threepid: { medium: "email", address: "not-an-address" } },
      { by: "threepid", threepid: { medium: "msisdn", address: "call me" } },
      { by: "threepid", threepid: { medium: "fax", address: "123456" } },
      { by: "sso", external: { authProvider: "", externalId: "x" } },
    ]) {
      assert.equal(findUserSchema.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
});
