// The pure parts of the MAS sign-in: metadata as the portal trusts it, PKCE S256, scopes, and the error mapping.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { authorizeUrl, clientRegistration, createPkce, grantedScopes, issuerLabel, parseAuthMetadata, pkceChallenge, requestedScopes } from "@/lib/matrix/oauth";
import { describeError, MAS_ADMIN_HELP } from "@/lib/synapse/describe-error";
import { OAuthFlowError } from "@/lib/synapse/errors";
import { needsRefresh } from "@/lib/auth/oauth-refresh";
import { messageIn } from "@/lib/i18n/translator";

// Shaped like MAS's /.well-known/openid-configuration (as Synapse's auth_metadata returns it).
const MAS_METADATA = {
  issuer: "https://auth.example.org/",
  authorization_endpoint: "https://auth.example.org/authorize",
  token_endpoint: "https://auth.example.org/oauth2/token",
  registration_endpoint: "https://auth.example.org/oauth2/registration",
  revocation_endpoint: "https://auth.example.org/oauth2/revoke",
  account_management_uri: "https://auth.example.org/account/",
  response_types_supported: ["code"],
  code_challenge_methods_supported: ["plain", "S256"],
};

describe("parseAuthMetadata", () => {
  test("takes MAS's metadata", () => {
    const r = parseAuthMetadata(MAS_METADATA);
    assert.ok(r.ok);
    assert.equal(r.value.issuer, "https://auth.example.org/");
    assert.equal(r.value.tokenEndpoint, "https://auth.example.org/oauth2/token");
    assert.equal(r.value.revocationEndpoint, "https://auth.example.org/oauth2/revoke");
    assert.equal(issuerLabel(r.value.issuer), "auth.example.org");
  });
  test("refuses what the portal cannot use, saying why", () => {
    const cases: [object, RegExp][] = [
      [{ ...MAS_METADATA, code_challenge_methods_supported: ["plain"] }, /PKCE with S256/],
      [{ ...MAS_METADATA, registration_endpoint: undefined }, /dynamic client registration/],
      [{ ...MAS_METADATA, token_endpoint: "javascript:alert(1)" }, /token endpoint/],
      [{ ...MAS_METADATA, response_types_supported: ["token"] }, /authorization code flow/],
      [{ ...MAS_METADATA, issuer: 42 }, /issuer/],
    ];
    for (const [raw, why] of cases) {
      const r = parseAuthMetadata(raw);
      assert.ok(!r.ok && why.test(r.message), JSON.stringify(r));
    }
    assert.equal(parseAuthMetadata("nope").ok, false);
  });
  test("the older auth_issuer route: the metadata's issuer must be that issuer", () => {
    assert.ok(parseAuthMetadata(MAS_METADATA, "https://auth.example.org/").ok);
    assert.equal(parseAuthMetadata(MAS_METADATA, "https://evil.example/").ok, false);
  });
});

describe("PKCE and the authorization request", () => {
  test("S256: the challenge is the verifier's SHA-256, base64url (RFC 7636 appendix B)", () => {
    assert.equal(pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    const p = createPkce();
    assert.match(p.verifier, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(p.challenge, crypto.createHash("sha256").update(p.verifier).digest("base64url"));
    assert.notEqual(createPkce().verifier, p.verifier);
  });
  test("scopes: client API, Synapse admin, one device, and MAS admin only when asked", () => {
    assert.equal(requestedScopes("ABCDEF1234", false), "openid urn:matrix:client:api:* urn:synapse:admin:* urn:matrix:client:device:ABCDEF1234");
    assert.ok(requestedScopes("ABCDEF1234", true).split(" ").includes("urn:mas:admin"));
    assert.deepEqual([...grantedScopes(undefined, "a b")], ["a", "b"]);
    assert.deepEqual([...grantedScopes("a", "a b")], ["a"]);
  });
  test("the authorize URL carries the code flow with S256, and the registration is a public web client", () => {
    const u = new URL(authorizeUrl({ authorizationEndpoint: "https://auth.example.org/authorize?x=1" }, { clientId: "c1", redirectUri: "https://portal/cb", scope: "openid", state: "s", nonce: "n", challenge: "ch" }));
    assert.equal(u.searchParams.get("x"), "1");
    assert.equal(u.searchParams.get("response_type"), "code");
    assert.equal(u.searchParams.get("code_challenge_method"), "S256");
    assert.equal(u.searchParams.get("code_challenge"), "ch");
    const reg = clientRegistration("https://portal", "https://portal/login/oauth/callback");
    assert.equal(reg.token_endpoint_auth_method, "none");
    assert.deepEqual(reg.grant_types, ["authorization_code", "refresh_token"]);
    assert.deepEqual(reg.redirect_uris, ["https://portal/login/oauth/callback"]);
  });
  test("refresh when less than a third of the token's life is left, and only with a refresh token", () => {
    const base = { issuer: "i", tokenEndpoint: "t", revocationEndpoint: null, clientId: "c", refreshToken: "r", lifetimeMs: 300_000, scope: "" };
    assert.equal(needsRefresh({ ...base, expiresAt: 1_000_000 + 200_000 }, 1_000_000), false);
    assert.equal(needsRefresh({ ...base, expiresAt: 1_000_000 + 50_000 }, 1_000_000), true);
    assert.equal(needsRefresh({ ...base, refreshToken: null, expiresAt: 1_000_000 }, 1_000_000), false);
    assert.equal(needsRefresh(undefined), false);
  });
});

describe("OAuth errors map to one message each", () => {
  const ui = (kind: ConstructorParameters<typeof OAuthFlowError>[0]) => {
    const r = describeError(new OAuthFlowError(kind, "https://auth.example.org/", "secret detail"));
    return { ...r, message: messageIn(r.message) };
  };
  test("a refused admin scope names can_request_admin", () => {
    assert.equal(ui("access-denied").message, messageIn(MAS_ADMIN_HELP));
    assert.match(ui("access-denied").message, /mas-cli manage promote-admin <username>/);
    assert.match(ui("scope-refused").message, /can_request_admin/);
  });
  test("unreachable, registration refused, state mismatch: specific, and never the detail", () => {
    assert.match(ui("issuer-unreachable").message, /\(https:\/\/auth\.example\.org\) could not be reached/);
    assert.match(ui("registration-refused").message, /refused to register the portal/);
    assert.match(ui("state-mismatch").message, /did not match a sign-in started in this browser/);
    for (const k of ["issuer-unreachable", "registration-refused", "state-mismatch", "token-refused", "bad-metadata"] as const) {
      assert.ok(!ui(k).message.includes("secret detail"));
      assert.match(ui(k).code, /^OAUTH_/);
    }
  });
});
