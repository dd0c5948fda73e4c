import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { firstFieldErrors } from "@/lib/schemas/fields";
import { passwordLoginSchema, tokenLoginSchema } from "@/lib/schemas/login";
import { messageIn } from "@/lib/i18n/translator";

function errorsOf(schema: typeof passwordLoginSchema | typeof tokenLoginSchema, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  assert.equal(r.success, false, "expected a validation failure");
  if (r.success) throw new Error("unreachable");
  return Object.fromEntries(Object.entries(firstFieldErrors(r.error)).map(([k, v]) => [k, messageIn(v)]));
}

describe("passwordLoginSchema", () => {
  test("a valid login passes unchanged", () => {
    const input = { mxid: "@alice:example.org", password: "pw", homeserverUrl: "https://matrix.example.org" };
    const r = passwordLoginSchema.safeParse(input);
    assert.equal(r.success, true);
    if (r.success) assert.deepEqual(r.data, input);
  });

  test("each field reports its own error message", () => {
    const errors = errorsOf(passwordLoginSchema, { mxid: "alice", password: "", homeserverUrl: "ftp://x" });
    assert.deepEqual(Object.keys(errors).sort(), ["homeserverUrl", "mxid", "password"]);
    assert.equal(errors.mxid, "Enter your full Matrix ID with the server, like @alice:example.org — not just the username.");
    assert.equal(errors.password, "Enter your password.");
    assert.equal(errors.homeserverUrl, "The homeserver URL must start with https:// (got ftp://).");
  });

  test("only the invalid field is reported", () => {
    const errors = errorsOf(passwordLoginSchema, { mxid: "@alice:bad server", password: "pw", homeserverUrl: "matrix.example.org" });
    assert.deepEqual(Object.keys(errors), ["mxid"]);
    assert.match(errors.mxid, /not a valid server name/);
  });

  test("empty Matrix ID and homeserver URL have their own messages", () => {
    const errors = errorsOf(passwordLoginSchema, { mxid: "", password: "pw", homeserverUrl: "" });
    assert.match(errors.mxid, /^Enter your Matrix ID/);
    assert.match(errors.homeserverUrl, /^Enter the homeserver URL/);
  });

  test("missing fields are reported too", () => {
    const errors = errorsOf(passwordLoginSchema, {});
    assert.deepEqual(Object.keys(errors).sort(), ["homeserverUrl", "mxid", "password"]);
  });
});

describe("tokenLoginSchema", () => {
  test("trims the token and refuses empty or spaced tokens", () => {
    const r = tokenLoginSchema.safeParse({ accessToken: "  fake-access-token  ", homeserverUrl: "https://m.example.org" });
    assert.equal(r.success, true);
    if (r.success) assert.equal(r.data.accessToken, "fake-access-token");
    assert.equal(errorsOf(tokenLoginSchema, { accessToken: "  ", homeserverUrl: "https://m.example.org" }).accessToken, "Paste an access token.");
    assert.match(errorsOf(tokenLoginSchema, { accessToken: "a b", homeserverUrl: "https://m.example.org" }).accessToken, /no spaces/);
  });
});

describe("login messages in German", () => {
  test("the field messages are references the reader's language words", () => {
    const r = passwordLoginSchema.safeParse({ mxid: "alice", password: "", homeserverUrl: "ftp://x" });
    assert.equal(r.success, false);
    if (r.success) return;
    const de = Object.fromEntries(Object.entries(firstFieldErrors(r.error)).map(([k, v]) => [k, messageIn(v, "de")]));
    assert.equal(de.mxid, "Geben Sie Ihre vollständige Matrix-ID mit dem Server ein, etwa @alice:example.org – nicht nur den Benutzernamen.");
    assert.equal(de.password, "Geben Sie Ihr Passwort ein.");
    assert.equal(de.homeserverUrl, "Die Homeserver-URL muss mit https:// beginnen (angegeben: ftp://).");
  });
});
