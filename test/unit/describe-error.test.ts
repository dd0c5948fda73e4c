import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { describeAndLog, describeError as describeRef, maskTokens, NOT_ADMIN_HELP, PUBLISH_REFUSED_HELP } from "@/lib/synapse/describe-error";
import { messageIn } from "@/lib/i18n/translator";
import { HomeserverUnreachableError, isSessionEnded, isSynapseError, nullIfNotFound, on404, SynapseError } from "@/lib/synapse/errors";

// Error bodies as recorded from a live Synapse 1.160 (see /work/shared/synapse-api.md).
type Body = { errcode: string; error: string; retry_after_ms?: number; soft_logout?: boolean };
const RECORDED = {
  rateLimited: { status: 429, body: { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests", retry_after_ms: 3998 } },
  wrongPassword: { status: 403, body: { errcode: "M_FORBIDDEN", error: "Invalid username or password" } },
  badLoginToken: { status: 403, body: { errcode: "M_FORBIDDEN", error: "Invalid login token" } },
  notAdmin: { status: 403, body: { errcode: "M_FORBIDDEN", error: "You are not a server admin" } },
  missingToken: { status: 401, body: { errcode: "M_MISSING_TOKEN", error: "Missing access token" } },
  unknownToken: { status: 401, body: { errcode: "M_UNKNOWN_TOKEN", error: "Invalid access token passed.", soft_logout: false } },
  locked: { status: 401, body: { errcode: "M_USER_LOCKED", error: "User account has been locked", soft_logout: true } },
  demoteSelf: { status: 400, body: { errcode: "M_UNKNOWN", error: "You may not demote yourself." } },
  invalidUserType: { status: 400, body: { errcode: "M_UNKNOWN", error: "Invalid user type" } },
  userNotFound: { status: 404, body: { errcode: "M_NOT_FOUND", error: "User not found" } },
  unrecognized: { status: 404, body: { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" } },
  postgresOnly: { status: 400, body: { errcode: "M_UNKNOWN", error: "Endpoint requires using PostgreSQL" } },
} satisfies Record<string, { status: number; body: Body }>;

/** describeError with its message rendered in a language (English unless told), as the reader sees it. */
function describeError(e: unknown, context?: Parameters<typeof describeRef>[1], locale: "en" | "de" = "en") {
  const ui = describeRef(e, context);
  return { ...ui, message: messageIn(ui.message, locale) };
}

function fromRecorded(r: { status: number; body: Body }): SynapseError {
  return new SynapseError(r.status, r.body.errcode, r.body.error, r.body.retry_after_ms, r.body.soft_logout);
}

describe("describeError: SynapseError", () => {
  test("429 with retry_after_ms says how many seconds to wait (rounded up)", () => {
    const ui = describeError(fromRecorded(RECORDED.rateLimited));
    assert.equal(ui.code, "M_LIMIT_EXCEEDED");
    assert.equal(ui.retryAfterMs, 3998);
    assert.match(ui.message, /rate-limiting/);
    assert.match(ui.message, /in 4 seconds/);
  });

  test("429 rounding: sub-second waits show at least 1 second, 10001 ms shows 11", () => {
    assert.match(describeError(new SynapseError(429, "M_LIMIT_EXCEEDED", "Too Many Requests", 50)).message, /in 1 second/);
    assert.match(describeError(new SynapseError(429, "M_LIMIT_EXCEEDED", "Too Many Requests", 10_001)).message, /in 11 seconds/);
  });

  test("429 without retry_after_ms says 'in a moment', also in the login context", () => {
    const ui = describeError(new SynapseError(429, "M_LIMIT_EXCEEDED", "Too Many Requests"), "login");
    assert.equal(ui.code, "M_LIMIT_EXCEEDED");
    assert.equal(ui.retryAfterMs, undefined);
    assert.match(ui.message, /in a moment/);
  });

  test("a bare 429 without a Matrix errcode is still a rate limit", () => {
    assert.equal(describeError(new SynapseError(429, "HTTP_429", "Too Many Requests", 2000)).code, "M_LIMIT_EXCEEDED");
  });

  test("login: 403 M_FORBIDDEN is a wrong Matrix ID or password", () => {
    const ui = describeError(fromRecorded(RECORDED.wrongPassword), "login");
    assert.equal(ui.code, "M_FORBIDDEN");
    assert.match(ui.message, /Wrong Matrix ID or password/);
    assert.doesNotMatch(ui.message, /Invalid username/);
  });

  test("login: 403 M_USER_DEACTIVATED says the account is deactivated", () => {
    const ui = describeError(new SynapseError(403, "M_USER_DEACTIVATED", "This account has been deactivated"), "login");
    assert.equal(ui.code, "M_USER_DEACTIVATED");
    assert.match(ui.message, /deactivated/);
  });

  test("before sign-in, a homeserver's own error text is never shown", () => {
    for (const ctx of ["login", "token-login"] as const) {
      const ui = describeError(new SynapseError(400, "M_UNKNOWN", "internal secret: db password is hunter2"), ctx);
      assert.equal(ui.code, "SIGN_IN_REFUSED", ctx);
      assert.equal(ui.message, "The homeserver refused the sign-in (HTTP 400).", ctx);
    }
  });

  test("outside the login context a 403 M_FORBIDDEN keeps Synapse's sentence", () => {
    const ui = describeError(fromRecorded(RECORDED.badLoginToken), "admin-api");
    assert.equal(ui.code, "M_FORBIDDEN");
    assert.equal(ui.message, "Invalid login token.");
  });

  test("M_USER_LOCKED says the account is locked", () => {
    for (const ctx of ["login", "admin-api"] as const) {
      const ui = describeError(fromRecorded(RECORDED.locked), ctx);
      assert.equal(ui.code, "M_USER_LOCKED", ctx);
      assert.match(ui.message, /locked/, ctx);
    }
  });

  test("M_UNKNOWN_TOKEN and M_MISSING_TOKEN end the session", () => {
    for (const r of [RECORDED.unknownToken, RECORDED.missingToken]) {
      const ui = describeError(fromRecorded(r));
      assert.equal(ui.code, "SESSION_ENDED");
      assert.match(ui.message, /Sign in again/);
    }
  });

  test("token-login: a 401 says the pasted token is not valid", () => {
    const ui = describeError(fromRecorded(RECORDED.unknownToken), "token-login");
    assert.equal(ui.code, "M_UNKNOWN_TOKEN");
    assert.match(ui.message, /access token is not valid/);
  });

  test("403 'You are not a server admin' is NOT_ADMIN", () => {
    const ui = describeError(fromRecorded(RECORDED.notAdmin));
    assert.equal(ui.code, "NOT_ADMIN");
    assert.equal(ui.message, "This account is not a server admin.");
    assert.match(messageIn(NOT_ADMIN_HELP), /register_new_matrix_user --admin/);
    assert.match(messageIn(NOT_ADMIN_HELP), /PUT \/_synapse\/admin\/v2\/users\/<id> and \{"admin": true\}/);
  });

  test("404 M_UNRECOGNIZED says the API is not offered", () => {
    const ui = describeError(fromRecorded(RECORDED.unrecognized));
    assert.equal(ui.code, "M_UNRECOGNIZED");
    assert.match(ui.message, /does not offer this API/);
  });

  test("other errors keep Synapse's own sentence, ending with a full stop", () => {
    assert.deepEqual(describeError(fromRecorded(RECORDED.demoteSelf)), { code: "M_UNKNOWN", message: "You may not demote yourself." });
    assert.deepEqual(describeError(fromRecorded(RECORDED.invalidUserType)), { code: "M_UNKNOWN", message: "Invalid user type." });
    assert.deepEqual(describeError(fromRecorded(RECORDED.userNotFound)), { code: "M_NOT_FOUND", message: "User not found." });
    assert.deepEqual(describeError(fromRecorded(RECORDED.postgresOnly)), {
      code: "M_UNKNOWN",
      message: "Endpoint requires using PostgreSQL.",
    });
    assert.equal(describeError(new SynapseError(400, "M_UNKNOWN", "Really?")).message, "Really?");
  });

  test("an empty Synapse message gets a generic sentence", () => {
    assert.deepEqual(describeError(new SynapseError(500, "HTTP_500", "   ")), {
      code: "HTTP_500",
      message: "The homeserver refused the request.",
    });
  });
});

describe("describeError in German", () => {
  test("the rate limit's seconds are an ICU plural", () => {
    const de = (ms: number) => describeError(new SynapseError(429, "M_LIMIT_EXCEEDED", "Too Many Requests", ms), "admin-api", "de").message;
    assert.equal(de(50), "Synapse begrenzt die Anzahl dieser Anfragen. Versuchen Sie es in 1 Sekunde erneut.");
    assert.match(de(4_500), /in 5 Sekunden erneut/);
    assert.match(describeError(new SynapseError(429, "M_LIMIT_EXCEEDED", "x", 1000)).message, /in 1 second\./);
  });

  test("sign-in refusals, the unreachable homeserver and the long help texts", () => {
    assert.equal(describeError(fromRecorded(RECORDED.wrongPassword), "login", "de").message, "Falsche Matrix-ID oder falsches Passwort. (Synapse antwortet bei einem deaktivierten Konto genauso.)");
    assert.match(describeError(new HomeserverUnreachableError("not-matrix", "https://www.example.org/", "x"), "login", "de").message, /^https:\/\/www\.example\.org hat geantwortet, ist aber kein Matrix-Homeserver.*https:\/\/matrix\.<Ihre Domain>/);
    assert.match(messageIn(PUBLISH_REFUSED_HELP, "de"), /room_list_publication_rules: \[\{action: allow\}\]/);
    assert.match(messageIn(PUBLISH_REFUSED_HELP), /^Synapse refused to publish this room.*\[\{action: allow\}\].*always works\.$/);
    // Synapse's own words stay as Synapse wrote them.
    assert.equal(describeError(fromRecorded(RECORDED.demoteSelf), "admin-api", "de").message, "You may not demote yourself.");
  });
});

describe("describeError: HomeserverUnreachableError", () => {
  test("timeout", () => {
    const ui = describeError(new HomeserverUnreachableError("timeout", "https://matrix.example.org/_matrix/client/versions", "no answer within 5000 ms"));
    assert.equal(ui.code, "HS_TIMEOUT");
    assert.match(ui.message, /https:\/\/matrix\.example\.org did not answer in time/);
    assert.doesNotMatch(ui.message, /_matrix/);
  });

  test("network", () => {
    const ui = describeError(new HomeserverUnreachableError("network", "http://127.0.0.1:9/_matrix/client/versions", "ECONNREFUSED"));
    assert.equal(ui.code, "HS_UNREACHABLE");
    assert.match(ui.message, /^Could not connect to http:\/\/127\.0\.0\.1:9\. /);
    assert.doesNotMatch(ui.message, /ECONNREFUSED/);
  });

  test("redirect: named, the target never echoed", () => {
    const ui = describeError(new HomeserverUnreachableError("redirect", "https://example.org/_matrix/client/versions", "redirect not followed"));
    assert.equal(ui.code, "HS_REDIRECT");
    assert.match(ui.message, /^https:\/\/example\.org redirects elsewhere, and the portal follows no redirect/);
  });

  test("policy and oversize answers", () => {
    const refused = describeError(new HomeserverUnreachableError("policy", "http://169.254.169.254/latest", "metadata"));
    assert.equal(refused.code, "HS_REFUSED_BY_POLICY");
    assert.match(refused.message, /refused by the portal's network policy/);
    assert.equal(describeError(new HomeserverUnreachableError("too-large", "https://x.example/", "big")).code, "HS_NOT_MATRIX");
  });

  test("not-matrix", () => {
    const ui = describeError(new HomeserverUnreachableError("not-matrix", "https://www.example.org/", "no versions list"));
    assert.equal(ui.code, "HS_NOT_MATRIX");
    assert.match(ui.message, /https:\/\/www\.example\.org answered, but it is not a Matrix homeserver/);
  });

  test("an unparsable URL is shown as is", () => {
    assert.match(describeError(new HomeserverUnreachableError("timeout", "not a url", "x")).message, /^The homeserver at not a url /);
  });
});

describe("describeError: anything else", () => {
  test("unknown errors are UNEXPECTED and do not leak their message", () => {
    for (const e of [
      new Error("SQLITE_CANTOPEN: /var/lib/portal/secret.db access_token=leaked-token-marker"),
      new TypeError("Cannot read properties of undefined (reading 'leaked-token-marker')"),
      "leaked-token-marker",
      { message: "leaked-token-marker" },
      null,
      undefined,
    ]) {
      const ui = describeError(e);
      assert.equal(ui.code, "UNEXPECTED");
      assert.doesNotMatch(ui.message, /leaked-token-marker|SQLITE|secret/);
      assert.equal(ui.retryAfterMs, undefined);
    }
  });
});

describe("errors helpers", () => {
  test("SynapseError keeps its fields and a readable message", () => {
    const e = fromRecorded(RECORDED.unknownToken);
    assert.ok(e instanceof Error);
    assert.equal(e.name, "SynapseError");
    assert.equal(e.status, 401);
    assert.equal(e.errcode, "M_UNKNOWN_TOKEN");
    assert.equal(e.softLogout, false);
    assert.equal(e.message, "401 M_UNKNOWN_TOKEN: Invalid access token passed.");
  });

  test("isSynapseError filters by errcode", () => {
    const e = fromRecorded(RECORDED.notAdmin);
    assert.equal(isSynapseError(e), true);
    assert.equal(isSynapseError(e, "M_FORBIDDEN"), true);
    assert.equal(isSynapseError(e, "M_NOT_FOUND"), false);
    assert.equal(isSynapseError(new Error("x")), false);
  });

  test("isSessionEnded: 401 unknown/missing token and locked user only", () => {
    assert.equal(isSessionEnded(fromRecorded(RECORDED.unknownToken)), true);
    assert.equal(isSessionEnded(fromRecorded(RECORDED.missingToken)), true);
    assert.equal(isSessionEnded(fromRecorded(RECORDED.locked)), true);
    assert.equal(isSessionEnded(fromRecorded(RECORDED.notAdmin)), false);
    assert.equal(isSessionEnded(fromRecorded(RECORDED.wrongPassword)), false);
    assert.equal(isSessionEnded(new HomeserverUnreachableError("timeout", "https://x", "t")), false);
  });
});

describe("describeAndLog", () => {
  test("logs an unexpected error once, with tokens masked, and returns the generic message", (t) => {
    const logged: unknown[][] = [];
    t.mock.method(console, "error", (...args: unknown[]) => void logged.push(args));
    const ui = describeAndLog(new Error("boom with syt_YWRtaW4_secretpart_1a2b3c and Bearer abc.def"), "test read");
    assert.equal(ui.code, "UNEXPECTED");
    assert.equal(logged.length, 1);
    const line = logged[0].join(" ");
    assert.match(line, /\[portal\] test read failed:/);
    assert.doesNotMatch(line, /secretpart|abc\.def/);
  });

  test("does not log an expected Synapse refusal", (t) => {
    const logged: unknown[][] = [];
    t.mock.method(console, "error", (...args: unknown[]) => void logged.push(args));
    const ui = describeAndLog(fromRecorded(RECORDED.userNotFound), "test read");
    assert.notEqual(ui.code, "UNEXPECTED");
    assert.equal(logged.length, 0);
  });
});

test("maskTokens hides Synapse tokens and bearer values", () => {
  assert.equal(maskTokens("token syt_abc_DEF-123 end"), "token syt_… end");
  assert.equal(maskTokens('authorization: "Bearer x.y.z"'), 'authorization: "Bearer …"');
});

test("on404 gives its fallback for any 404 and throws every other failure; nullIfNotFound only for M_NOT_FOUND", async () => {
  const fail = (status: number, errcode: string) => () => Promise.reject(new SynapseError(status, errcode, "x"));
  assert.equal(await on404(() => Promise.resolve(7), false), 7);
  assert.equal(await on404(fail(404, "M_NOT_FOUND"), false), false);
  assert.equal(await on404(fail(404, "M_UNRECOGNIZED"), null), null);
  await assert.rejects(on404(fail(400, "M_NOT_FOUND"), null), (e) => isSynapseError(e) && e.status === 400);
  await assert.rejects(on404(() => Promise.reject(new Error("network")), null), /network/);
  assert.equal(await nullIfNotFound(fail(404, "M_NOT_FOUND")), null);
  await assert.rejects(nullIfNotFound(fail(404, "M_UNRECOGNIZED")), (e) => isSynapseError(e, "M_UNRECOGNIZED"));
});
