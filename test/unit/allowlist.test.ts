import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { allowlistLabel, isHomeserverAllowed, parseAllowlist, type AllowlistEntry } from "@/lib/matrix/allowlist";

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

/** isHomeserverAllowed answers true for each of `allowed` and false for each of `refused` (a failure names the URL). */
function expectAllowed(entries: AllowlistEntry[], allowed: string[], refused: string[], delegated?: Parameters<typeof isHomeserverAllowed>[2]) {
  for (const url of allowed) assert.equal(isHomeserverAllowed(entries, url, delegated), true, `${url} should be allowed`);
  for (const url of refused) assert.equal(isHomeserverAllowed(entries, url, delegated), false, `${url} should be refused`);
}

describe("isHomeserverAllowed", () => {
  test("an empty allowlist allows every URL", () => {
    expectAllowed([], ["https://anything.example.net", "http://127.0.0.1:18008"], []);
  });

  test("a URL entry allows exactly that URL, case-insensitively and modulo a trailing slash", () => {
    expectAllowed(
      parseAllowlist("https://matrix.example.org"),
      ["https://matrix.example.org", "HTTPS://MATRIX.EXAMPLE.ORG/", "matrix.example.org"],
      ["http://matrix.example.org", "https://matrix.example.org:8448", "https://matrix.example.org/sub", "https://evil.example.org", "https://matrix.example.org.evil.net"],
    );
  });

  test("a URL entry with a path prefix matches that prefix only", () => {
    expectAllowed(parseAllowlist("https://example.org/matrix/"), ["https://example.org/matrix"], ["https://example.org"]);
  });

  test("a server-name entry allows https://<name> but not http or other hosts", () => {
    expectAllowed(parseAllowlist("example.org"), ["https://example.org", "https://EXAMPLE.org/"], ["http://example.org", "https://matrix.example.org", "https://example.org.evil.net"]);
  });

  test("a server-name entry allows the delegated base URL only when the delegation is for that name", () => {
    const entries = parseAllowlist("example.org");
    const delegated = { serverName: "example.org", baseUrl: "https://matrix.example.org" };
    // The delegation only covers its own base URL.
    expectAllowed(entries, ["https://matrix.example.org", "https://Matrix.Example.org/"], ["https://other.example.org"], delegated);
    expectAllowed(entries, ["https://matrix.example.org"], [], { serverName: "Example.ORG", baseUrl: "https://matrix.example.org" });
    // Without the delegation, or with one for another name, the delegated URL is refused.
    expectAllowed(entries, [], ["https://matrix.example.org"]);
    expectAllowed(entries, [], ["https://matrix.example.org"], { serverName: "evil.net", baseUrl: "https://matrix.example.org" });
    // An invalid delegated base URL never allows anything.
    expectAllowed(entries, [], ["https://matrix.example.org"], { serverName: "example.org", baseUrl: "ftp://matrix.example.org" });
  });

  test("server-name entries with a port", () => {
    const entries = parseAllowlist("localhost:18008");
    expectAllowed(entries, ["https://localhost:18008"], ["http://localhost:18008"]);
    expectAllowed(entries, ["http://127.0.0.1:18008"], [], { serverName: "localhost:18008", baseUrl: "http://127.0.0.1:18008" });
  });

  test("with several entries any match allows; invalid URLs are refused", () => {
    expectAllowed(
      parseAllowlist("https://a.example.org, b.example.org"),
      ["https://a.example.org", "https://b.example.org"],
      ["https://c.example.org", "", "https://user:pw@a.example.org", "https://a.example.org/?x"],
    );
  });
});
