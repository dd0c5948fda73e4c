import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { redactParams } from "@/lib/audit/redact";

describe("redactParams", () => {
  test("hides passwords, tokens and secrets at the top level", () => {
    assert.deepEqual(
      redactParams({
        userId: "@alice:example.org",
        password: "hunter2",
        new_password: "hunter3",
        access_token: "fake-access-token",
        refresh_token: "fake-refresh-token",
        registration_shared_secret: "s3cr3t",
        Authorization: "Bearer fake-access-token",
        cookie: "a=b",
        api_key: "k",
        admin: true,
      }),
      {
        userId: "@alice:example.org",
        password: "[redacted]",
        new_password: "[redacted]",
        access_token: "[redacted]",
        refresh_token: "[redacted]",
        registration_shared_secret: "[redacted]",
        Authorization: "[redacted]",
        cookie: "[redacted]",
        api_key: "[redacted]",
        admin: true,
      },
    );
  });

  test("key matching is case-insensitive", () => {
    assert.deepEqual(redactParams({ PASSWORD: "x", AccessToken: "y", clientSecret: "z" }), {
      PASSWORD: "[redacted]",
      AccessToken: "[redacted]",
      clientSecret: "[redacted]",
    });
  });

  test("secrets nested in objects and arrays are hidden, everything else kept", () => {
    const input = {
      users: [
        { user_id: "@a:example.org", password: "p1", displayname: "A" },
        { user_id: "@b:example.org", auth: { type: "m.login.password", password: "p2" } },
      ],
      meta: { nested: { deeper: { token: "t", count: 3, flags: [true, false, null] } } },
    };
    const out = redactParams(input);
    assert.deepEqual(out, {
      users: [
        { user_id: "@a:example.org", password: "[redacted]", displayname: "A" },
        { user_id: "@b:example.org", auth: { type: "m.login.password", password: "[redacted]" } },
      ],
      meta: { nested: { deeper: { token: "[redacted]", count: 3, flags: [true, false, null] } } },
    });
    // The input is not mutated.
    assert.equal(input.users[0].password, "p1");
  });

  test("a secret whose value is an object or array is hidden entirely", () => {
    assert.deepEqual(redactParams({ secret: { a: 1 }, tokens: ["a", "b"] }), { secret: "[redacted]", tokens: "[redacted]" });
  });

  test("empty, null and undefined secrets stay as they are (nothing to hide)", () => {
    assert.deepEqual(redactParams({ password: "", token: null, secret: undefined }), {
      password: "",
      token: null,
      secret: undefined,
    });
  });

  test("long strings are truncated to 500 characters plus an ellipsis", () => {
    const long = "x".repeat(2000);
    const out = redactParams({ reason: long, list: [long] }) as { reason: string; list: string[] };
    assert.equal(out.reason.length, 501);
    assert.equal(out.reason, "x".repeat(500) + "…");
    assert.equal(out.list[0], "x".repeat(500) + "…");
    assert.equal(redactParams("y".repeat(500)), "y".repeat(500));
    assert.equal(redactParams("z".repeat(501)), "z".repeat(500) + "…");
  });

  test("primitives pass through", () => {
    assert.equal(redactParams(42), 42);
    assert.equal(redactParams(true), true);
    assert.equal(redactParams(null), null);
    assert.equal(redactParams(undefined), undefined);
    assert.equal(redactParams("short"), "short");
  });

  test("very deep nesting is cut off instead of recursing forever", () => {
    let deep: Record<string, unknown> = { leaf: "v" };
    for (let i = 0; i < 20; i++) deep = { child: deep };
    const s = JSON.stringify(redactParams(deep));
    assert.match(s, /\[…\]/);
    assert.doesNotMatch(s, /"leaf"/);
  });
});

test("whole words only: pagination tokens and look-alike names stay, variants of secrets go", () => {
  const out = redactParams({ next_token: "5", bypass_cache: true, monkey: 1, new_password: "x", api_keys: ["a"], pwd: "p", login_token: "t" });
  assert.deepEqual(out, { next_token: "5", bypass_cache: true, monkey: 1, new_password: "[redacted]", api_keys: "[redacted]", pwd: "[redacted]", login_token: "[redacted]" });
});
