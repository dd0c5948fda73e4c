import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isStrictLocalpart, isValidServerName, parseMxid, serverNameOf } from "@/lib/matrix/mxid";
import { messageIn } from "@/lib/i18n/translator";

function expectProblem(input: string, problem: string): string {
  const r = parseMxid(input);
  assert.equal(r.ok, false, `${JSON.stringify(input)} should be refused`);
  if (r.ok) throw new Error("unreachable");
  assert.equal(r.problem, problem, `${JSON.stringify(input)}: ${r.message}`);
  assert.ok(messageIn(r.message).length > 0);
  return messageIn(r.message);
}

function expectOk(input: string) {
  const r = parseMxid(input);
  assert.equal(r.ok, true, `${JSON.stringify(input)} should parse: ${r.ok ? "" : r.message}`);
  if (!r.ok) throw new Error("unreachable");
  return r.value;
}

describe("parseMxid", () => {
  test("a bare username is refused with the expected form", () => {
    const message = expectProblem("alice", "no-server");
    assert.match(message, /@alice:example\.org/);
  });

  test("@alice without a server is refused and the message shows the full form", () => {
    const message = expectProblem("@alice", "no-server");
    assert.match(message, /@alice:example\.org/);
    assert.doesNotMatch(message, /@@/);
  });

  test("a lone @ is refused as no-server with a generic example", () => {
    const message = expectProblem("@", "no-server");
    assert.match(message, /@alice:example\.org/);
  });

  test("a full MXID parses into its parts", () => {
    assert.deepEqual(expectOk("@alice:example.org"), {
      userId: "@alice:example.org",
      localpart: "alice",
      serverName: "example.org",
    });
  });

  test("surrounding whitespace is trimmed", () => {
    assert.deepEqual(expectOk("  \t@alice:example.org \n"), {
      userId: "@alice:example.org",
      localpart: "alice",
      serverName: "example.org",
    });
  });

  test("the leading @ is optional and is added to the user ID", () => {
    const v = expectOk("alice:example.org");
    assert.equal(v.userId, "@alice:example.org");
    assert.equal(v.localpart, "alice");
  });

  test("server names with a port parse", () => {
    const v = expectOk("@portal-admin:localhost:18008");
    assert.equal(v.localpart, "portal-admin");
    assert.equal(v.serverName, "localhost:18008");
    assert.equal(v.userId, "@portal-admin:localhost:18008");
  });

  test("IPv4 and IPv6 literal server names parse", () => {
    assert.equal(expectOk("@bob:192.168.1.10:8448").serverName, "192.168.1.10:8448");
    assert.equal(expectOk("@bob:[::1]").serverName, "[::1]");
    const v6 = expectOk("@bob:[2001:db8::1]:8448");
    assert.equal(v6.localpart, "bob");
    assert.equal(v6.serverName, "[2001:db8::1]:8448");
  });

  test("historical localparts (upper case, punctuation) are accepted", () => {
    assert.equal(expectOk("@Alice.Smith!:example.org").localpart, "Alice.Smith!");
  });

  test("empty and whitespace-only input is 'empty'", () => {
    assert.match(expectProblem("", "empty"), /@alice:example\.org/);
    expectProblem("   ", "empty");
  });

  test("an empty or invalid localpart is refused", () => {
    expectProblem("@:example.org", "bad-localpart");
    expectProblem(":example.org", "bad-localpart");
    expectProblem("@al ice:example.org", "bad-localpart");
    expectProblem("@alicé:example.org", "bad-localpart");
  });

  test("bad server names are refused", () => {
    for (const s of [
      "@alice:",
      "@alice:exa mple.org",
      "@alice:-example.org",
      "@alice:example-.org",
      "@alice:example..org",
      "@alice:example.org.",
      "@alice:example_org",
      "@alice:example.org:",
      "@alice:example.org:0",
      "@alice:example.org:65536",
      "@alice:example.org:123456",
      "@alice:example.org:80a",
      "@alice:::1",
      "@alice:[::1",
      "@alice:[zz::1]",
    ]) {
      const message = expectProblem(s, "bad-server");
      assert.match(message, /not a valid server name/);
    }
  });

  test("the bad-server message names the server part", () => {
    assert.match(expectProblem("@alice:exa mple.org", "bad-server"), /"exa mple\.org"/);
  });
});

describe("isValidServerName", () => {
  test("accepts DNS names, IPv4, IPv6 literals, with and without ports", () => {
    for (const s of [
      "example.org",
      "localhost",
      "localhost:18008",
      "matrix.example.org:8448",
      "EXAMPLE.org",
      "a",
      "1.2.3.4",
      "1.2.3.4:1",
      "[::1]",
      "[::1]:65535",
      "[2001:db8::ffff:1.2.3.4]",
      `${"a".repeat(63)}.org`,
    ]) {
      assert.equal(isValidServerName(s), true, s);
    }
  });

  test("refuses empty names, bad labels, bad ports and unbracketed IPv6", () => {
    for (const s of [
      "",
      ":8448",
      "example.org:0",
      "example.org:65536",
      "example.org:",
      "example.org:-1",
      "exa mple.org",
      "-example.org",
      "example-.org",
      ".example.org",
      "example..org",
      "under_score.org",
      `${"a".repeat(64)}.org`,
      "::1",
      "[::1",
      "[]",
      "[g::1]",
      "[::1]8448",
      "a:b:c",
    ]) {
      assert.equal(isValidServerName(s), false, s);
    }
  });
});

describe("isStrictLocalpart", () => {
  test("accepts the current grammar a-z 0-9 . _ = - / +", () => {
    for (const s of ["alice", "a.b_c=d-e/f+g", "0123", "portal-admin"]) assert.equal(isStrictLocalpart(s), true, s);
  });

  test("refuses upper case, other punctuation, spaces and empty", () => {
    for (const s of ["", "Alice", "al ice", "alice!", "alice:x", "ålice", "alice@"]) {
      assert.equal(isStrictLocalpart(s), false, s);
    }
  });
});

describe("serverNameOf", () => {
  test("returns everything after the first colon, port included", () => {
    assert.equal(serverNameOf("@portal-admin:localhost:18008"), "localhost:18008");
    assert.equal(serverNameOf("@a:[::1]:8448"), "[::1]:8448");
  });
});
