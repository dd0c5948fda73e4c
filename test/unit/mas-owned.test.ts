// Under MAS delegation, what MAS owns (passwords, e-mail/phone, devices) is refused before anything reaches Synapse.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { runAdminAction } from "@/lib/actions/run-admin-action";
import { masOwnedRefusal } from "@/lib/auth/mas-owned";
import type { AdminContext } from "@/lib/auth/require-admin";
import { resetPasswordSchema, userUpdateSchema } from "@/lib/schemas/users";
import { resetPassword } from "@/lib/synapse/user-lifecycle";
import { messageIn } from "@/lib/i18n/translator";

describe("masOwnedRefusal", () => {
  test("refuses what MAS owns only under delegation, naming MAS and its admin", () => {
    assert.equal(masOwnedRefusal(false, "passwords"), null);
    assert.equal(masOwnedRefusal(true, null), null);
    for (const owned of ["passwords", "contacts", "devices"] as const) {
      assert.match(messageIn(masOwnedRefusal(true, owned)!), /managed by your Matrix Authentication Service; use its admin/);
    }
    assert.match(messageIn(masOwnedRefusal(true, "contacts")!), /e-mail addresses and phone numbers/);
  });
});

const rethrow = () => {};

describe("an action MAS owns, under delegation", () => {
  test("refuses with MAS_OWNED and sends nothing to the homeserver; without MAS it goes through", async () => {
    // A stand-in homeserver that only counts what reaches it.
    let requests = 0;
    const server = http.createServer((req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const admin = (delegated: boolean): AdminContext => ({
      creds: { baseUrl, accessToken: "t" },
      actor: "@admin:example.org",
      homeserver: baseUrl,
      deviceId: null,
      person: null,
      delegated,
      scopes: [],
      masIssuer: delegated ? "https://auth.example.org/" : null,
      role: "owner",
    });
    const spec = { role: "operator" as const, schema: resetPasswordSchema, masOwned: () => "passwords" as const };
    const run = (i: { userId: string; password: string }, a: AdminContext) => resetPassword(a, i.userId, i.password, false);
    const input = { userId: "@bob:example.org", generate: false, password: "a-long-enough-password-1", logoutDevices: false };
    try {
      const refused = await runAdminAction(admin(true), spec, run, input, rethrow);
      assert.equal(refused.ok, false);
      assert.equal(!refused.ok && refused.error.code, "MAS_OWNED");
      assert.match(!refused.ok ? messageIn(refused.error.message) : "", /A user's password is managed by your Matrix Authentication Service/);
      assert.equal(requests, 0);

      await runAdminAction(admin(false), spec, run, input, rethrow);
      assert.ok(requests > 0, "without MAS the same action reaches the homeserver");
    } finally {
      server.close();
    }
  });

  test("a profile edit without e-mail/phone passes; with them it is MAS's", () => {
    const withContacts = userUpdateSchema.parse({ userId: "@bob:example.org", displayname: "", admin: false, userType: "", threepids: [], externalIds: [] });
    const without = userUpdateSchema.parse({ userId: "@bob:example.org", displayname: "", admin: false, userType: "", externalIds: [] });
    assert.deepEqual(withContacts.threepids, []);
    assert.equal(without.threepids, undefined);
  });
});
