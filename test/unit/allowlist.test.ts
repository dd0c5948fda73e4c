import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { allowlistLabel, isHomeserverAllowed, parseAllowlist } from "@/lib/matrix/allowlist";

describe("parseAllowlist", () => {
  test("unset or empty gives no entries", () => {
    assert.deepEqual(parseAllowlist(undefined), []);
    assert.deepEqual(parseAllowlist(""), []);
    assert.deepEqual(parseAllowlist(" , ,"), []);
  });

  test("URLs are normalised and server names lower-cased", () => {
    assert.deepEqual(parseAllowlist(" https://Matrix.Example.org/ , Example.ORG,localhost:18008, http://127.0.0.1:18008/"), [
      { kind: "url", url: "https://matrix.example.org" },
      { kind: "server-name", serverName: "example.org" },
      { kind: "server-name", serverName: "localhost:18008" },
      { kind: "url", url: "http://127.0.0.1:18008" },
    ]);
  });

  test("invalid entries throw and name the variable", () => {
    assert.throws(() => parseAllowlist("example.org, not a server"), /HOMESERVER_ALLOWLIST: "not a server" is neither/);
    assert.throws(() => parseAllowlist("https://user:pw@example.org"), /HOMESERVER_ALLOWLIST: .*user name or password/);
    assert.throws(() => parseAllowlist("https://example.org/?x=1"), /HOMESERVER_ALLOWLIST/);
    assert.throws(() => parseAllowlist("ftp://example.org"), /HOMESERVER_ALLOWLIST/);
    assert.throws(() => parseAllowlist("example.org:99999"), /HOMESERVER_ALLOWLIST/);
  });

  test("allowlistLabel shows the URL or server name", () => {
    const [a, b] = parseAllowlist("https://matrix.example.org,example.org");
    assert.equal(allowlistLabel(a), "https://matrix.example.org");
    assert.equal(allowlistLabel(b), "example.org");
  });
});

describe("isHomeserverAllowed", () => {
  test("an empty allowlist allows every URL", () => {
    assert.equal(isHomeserverAllowed([], "https://anything.example.net"), true);
    assert.equal(isHomeserverAllowed([], "http://127.0.0.1:18008"), true);
  });

  test("a URL entry allows exactly that URL, case-insensitively and modulo a trailing slash", () => {
    const entries = parseAllowlist("https://matrix.example.org");
    assert.equal(isHomeserverAllowed(entries, "https://matrix.example.org"), true);
    assert.equal(isHomeserverAllowed(entries, "HTTPS://MATRIX.EXAMPLE.ORG/"), true);
    assert.equal(isHomeserverAllowed(entries, "matrix.example.org"), true);
    assert.equal(isHomeserverAllowed(entries, "http://matrix.example.org"), false);
    assert.equal(isHomeserverAllowed(entries, "https://matrix.example.org:8448"), false);
    assert.equal(isHomeserverAllowed(entries, "https://matrix.example.org/sub"), false);
    assert.equal(isHomeserverAllowed(entries, "https://evil.example.org"), false);
    assert.equal(isHomeserverAllowed(entries, "https://matrix.example.org.evil.net"), false);
  });

  test("a URL entry with a path prefix matches that prefix only", () => {
    const entries = parseAllowlist("https://example.org/matrix/");
    assert.equal(isHomeserverAllowed(entries, "https://example.org/matrix"), true);
    assert.equal(isHomeserverAllowed(entries, "https://example.org"), false);
  });

  test("a server-name entry allows https://<name> but not http or other hosts", () => {
    const entries = parseAllowlist("example.org");
    assert.equal(isHomeserverAllowed(entries, "https://example.org"), true);
    assert.equal(isHomeserverAllowed(entries, "https://EXAMPLE.org/"), true);
    assert.equal(isHomeserverAllowed(entries, "http://example.org"), false);
    assert.equal(isHomeserverAllowed(entries, "https://matrix.example.org"), false);
    assert.equal(isHomeserverAllowed(entries, "https://example.org.evil.net"), false);
  });

  test("a server-name entry allows the delegated base URL only when the delegation is for that name", () => {
    const entries = parseAllowlist("example.org");
    const delegated = { serverName: "example.org", baseUrl: "https://matrix.example.org" };
    assert.equal(isHomeserverAllowed(entries, "https://matrix.example.org", delegated), true);
    assert.equal(isHomeserverAllowed(entries, "https://Matrix.Example.org/", delegated), true);
    assert.equal(
      isHomeserverAllowed(entries, "https://matrix.example.org", { serverName: "Example.ORG", baseUrl: "https://matrix.example.org" }),
      true,
    );
    // Without the delegation, or with one for another name, the delegated URL is refused.
    assert.equal(isHomeserverAllowed(entries, "https://matrix.example.org"), false);
    assert.equal(
      isHomeserverAllowed(entries, "https://matrix.example.org", { serverName: "evil.net", baseUrl: "https://matrix.example.org" }),
      false,
    );
    // The delegation only covers its own base URL.
    assert.equal(isHomeserverAllowed(entries, "https://other.example.org", delegated), false);
    // An invalid delegated base URL never allows anything.
    assert.equal(
      isHomeserverAllowed(entries, "https://matrix.example.org", { serverName: "example.org", baseUrl: "ftp://matrix.example.org" }),
      false,
    );
  });

  test("server-name entries with a port", () => {
    const entries = parseAllowlist("localhost:18008");
    assert.equal(isHomeserverAllowed(entries, "https://localhost:18008"), true);
    assert.equal(isHomeserverAllowed(entries, "http://localhost:18008"), false);
    assert.equal(
      isHomeserverAllowed(entries, "http://127.0.0.1:18008", { serverName: "localhost:18008", baseUrl: "http://127.0.0.1:18008" }),
      true,
    );
  });

  test("with several entries any match allows; invalid URLs are refused", () => {
    const entries = parseAllowlist("https://a.example.org, b.example.org");
    assert.equal(isHomeserverAllowed(entries, "https://a.example.org"), true);
    assert.equal(isHomeserverAllowed(entries, "https://b.example.org"), true);
    assert.equal(isHomeserverAllowed(entries, "https://c.example.org"), false);
    assert.equal(isHomeserverAllowed(entries, ""), false);
    assert.equal(isHomeserverAllowed(entries, "https://user:pw@a.example.org"), false);
    assert.equal(isHomeserverAllowed(entries, "https://a.example.org/?x"), false);
  });
});
