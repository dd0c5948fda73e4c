import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isLoopbackHost, normalizeHomeserverUrl } from "@/lib/matrix/homeserver-url";
import { messageIn } from "@/lib/i18n/translator";

function ok(input: string): string {
  const r = normalizeHomeserverUrl(input);
  assert.equal(r.ok, true, `${JSON.stringify(input)} should be accepted: ${r.ok ? "" : r.message}`);
  if (!r.ok) throw new Error("unreachable");
  return r.url;
}

function refused(input: string): string {
  const r = normalizeHomeserverUrl(input);
  assert.equal(r.ok, false, `${JSON.stringify(input)} should be refused, got ${r.ok ? r.url : ""}`);
  if (r.ok) throw new Error("unreachable");
  assert.ok(messageIn(r.message).length > 0);
  return messageIn(r.message);
}

describe("normalizeHomeserverUrl", () => {
  test("adds https:// when no scheme is given", () => {
    assert.equal(ok("matrix.example.org"), "https://matrix.example.org");
    assert.equal(ok("localhost:8008"), "https://localhost:8008");
  });

  test("keeps http:// and https:// as typed", () => {
    assert.equal(ok("http://127.0.0.1:18008"), "http://127.0.0.1:18008");
    assert.equal(ok("https://matrix.example.org"), "https://matrix.example.org");
  });

  test("strips trailing slashes (also on a path prefix)", () => {
    assert.equal(ok("https://matrix.example.org/"), "https://matrix.example.org");
    assert.equal(ok("https://matrix.example.org///"), "https://matrix.example.org");
    assert.equal(ok("https://example.org/matrix/"), "https://example.org/matrix");
  });

  test("trims whitespace, lower-cases scheme and host, drops default ports", () => {
    assert.equal(ok("  HTTPS://Matrix.Example.ORG/  "), "https://matrix.example.org");
    assert.equal(ok("https://matrix.example.org:443"), "https://matrix.example.org");
    assert.equal(ok("http://matrix.example.org:80"), "http://matrix.example.org");
    assert.equal(ok("https://matrix.example.org:8448"), "https://matrix.example.org:8448");
  });

  test("keeps IPv6 literals bracketed", () => {
    assert.equal(ok("http://[::1]:8008/"), "http://[::1]:8008");
  });

  test("refuses empty input with an example", () => {
    assert.match(refused(""), /https:\/\/matrix\.example\.org/);
    refused("   ");
  });

  test("refuses other schemes and names the scheme", () => {
    assert.match(refused("ftp://matrix.example.org"), /https:\/\/.*ftp:\/\//);
    refused("ws://matrix.example.org");
    refused("file:///etc/passwd");
  });

  test("refuses credentials in the URL", () => {
    assert.match(refused("https://user:pw@matrix.example.org"), /user name or password/);
    refused("https://user@matrix.example.org");
  });

  test("refuses a query or fragment", () => {
    assert.match(refused("https://matrix.example.org/?a=1"), /query|fragment/);
    assert.match(refused("https://matrix.example.org/#x"), /query|fragment/);
  });

  test("refuses things that are not URLs", () => {
    assert.match(refused("not a url"), /not a valid URL/);
    refused("https://");
    refused("https://exa mple.org");
  });
});

describe("isLoopbackHost", () => {
  test("localhost and 127.0.0.0/8, with or without a port, any case", () => {
    for (const h of ["localhost", "LOCALHOST", "localhost:18008", "127.0.0.1", "127.0.0.1:8008", "127.1.2.3"]) {
      assert.equal(isLoopbackHost(h), true, h);
    }
  });

  test("other hosts are not loopback", () => {
    for (const h of ["example.org", "example.org:8448", "localhost.example.org", "mylocalhost", "10.0.0.1", "128.0.0.1", "127.0.0.1.example.org", "[2001:db8::1]:8448"]) {
      assert.equal(isLoopbackHost(h), false, h);
    }
  });
});
