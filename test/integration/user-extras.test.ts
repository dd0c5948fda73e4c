// Invite and join counters, account validity and the cross-signing reset allowance against the real test
// Synapse (invites, joins and the cross-signing key are made through the client API as the user).
import crypto from "node:crypto";
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { inEnglish } from "./rejection";
import { allowCrossSigningReset, getUserCounters, renewAccountValidity } from "@/lib/synapse/user-extras";
import { accountValiditySchema, expiryOf } from "@/lib/schemas/moderation";
import { api, randomSuffix } from "../../e2e/synapse/testbed";
import { adminOwner, type Owner } from "./moderation-helpers";
import { createMember, seedRoom } from "../../e2e/rooms-fixtures";

let ctx: Owner;
let user: { userId: string; token: string };

before(async () => {
  ctx = await adminOwner();
  user = await createMember(`it-extra-${randomSuffix()}`);
});

describe("user extras", () => {
  test("invites sent and rooms joined are counted", async () => {
    const before = await getUserCounters(ctx.creds, user.userId, Date.now() - 60_000);
    const other = await createMember(`it-extra-o-${randomSuffix()}`);
    const room = await seedRoom(user, `it-extra-${randomSuffix()}`, { preset: "private_chat" });
    const inv = await api(`/_matrix/client/v3/rooms/${encodeURIComponent(room)}/invite`, { method: "POST", token: user.token, body: { user_id: other.userId } });
    assert.equal(inv.status, 200);
    const after = await getUserCounters(ctx.creds, user.userId, Date.now() - 60_000);
    assert.equal(after.invitesSince, before.invitesSince + 1);
    assert.equal(after.invitesAll, before.invitesAll + 1);
    assert.equal(after.joinedSince, before.joinedSince + 1);
  });

  test("account validity: a chosen date is set; the server's own period is refused with the reason here", async () => {
    const input = accountValiditySchema.parse({ userId: user.userId, expiresOn: "2031-05-17" });
    assert.equal(await renewAccountValidity(ctx, user.userId, expiryOf(input.expiresOn)), Date.parse("2031-05-17T23:59:59Z"));
    await assert.rejects(renewAccountValidity(ctx, user.userId, null), inEnglish(/account validity \(account_validity.period\) is not configured/));
    assert.equal(accountValiditySchema.safeParse({ userId: user.userId, expiresOn: "next week" }).success, false);
  });

  test("cross-signing reset: refused without keys, allowed for a few minutes once the user has a master key", async () => {
    await assert.rejects(allowCrossSigningReset(ctx, user.userId), inEnglish(/has not set up cross-signing/));
    const k = crypto.randomBytes(32).toString("base64").replace(/=+$/, "");
    const up = await api(`/_matrix/client/v3/keys/device_signing/upload`, {
      method: "POST",
      token: user.token,
      body: { master_key: { user_id: user.userId, usage: ["master"], keys: { [`ed25519:${k}`]: k } } },
    });
    assert.equal(up.status, 200, JSON.stringify(up.body));
    const until = await allowCrossSigningReset(ctx, user.userId);
    assert.ok(until > Date.now() && until < Date.now() + 60 * 60_000, `until ${until}`);
  });
});
