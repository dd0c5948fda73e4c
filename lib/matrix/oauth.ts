// Pure parts of the OAuth 2.0 sign-in of homeservers that delegate to MAS (MSC3861): the authorization server's
// metadata as the portal trusts it, PKCE (RFC 7636, S256 only), the Matrix scopes (MSC2967), the authorize URL.
import crypto from "node:crypto";

export type AuthServerMetadata = {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  registrationEndpoint: string;
  revocationEndpoint: string | null;
  accountManagementUri: string | null;
};

export type MetadataCheck = { ok: true; value: AuthServerMetadata } | { ok: false; message: string };

const httpUrl = (v: unknown): string | null => {
  if (typeof v !== "string" || v.length > 2048 || !URL.canParse(v)) return null;
  const u = new URL(v);
  return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password ? u.toString() : null;
};

/**
 * The homeserver's `auth_metadata` (or the issuer's openid-configuration) as the portal uses it: every endpoint an
 * http(s) URL, code flow and PKCE S256 offered, dynamic registration available. `expectedIssuer` (the older
 * auth_issuer route) must match the metadata's issuer exactly.
 */
export function parseAuthMetadata(raw: unknown, expectedIssuer?: string): MetadataCheck {
  if (!raw || typeof raw !== "object") return { ok: false, message: "the authorization server metadata is not a JSON object" };
  const m = raw as Record<string, unknown>;
  const issuer = httpUrl(m.issuer);
  if (!issuer || typeof m.issuer !== "string") return { ok: false, message: "the metadata has no usable issuer" };
  if (expectedIssuer !== undefined && m.issuer !== expectedIssuer) return { ok: false, message: "the metadata's issuer is not the homeserver's issuer" };
  const authorizationEndpoint = httpUrl(m.authorization_endpoint);
  const tokenEndpoint = httpUrl(m.token_endpoint);
  if (!authorizationEndpoint || !tokenEndpoint) return { ok: false, message: "the metadata lacks an authorization or token endpoint" };
  const registrationEndpoint = httpUrl(m.registration_endpoint);
  if (!registrationEndpoint) return { ok: false, message: "the authorization server offers no dynamic client registration (MSC2966)" };
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null);
  if (!(list(m.code_challenge_methods_supported) ?? []).includes("S256")) return { ok: false, message: "the authorization server does not offer PKCE with S256" };
  const responseTypes = list(m.response_types_supported);
  if (responseTypes && !responseTypes.includes("code")) return { ok: false, message: "the authorization server does not offer the authorization code flow" };
  return {
    ok: true,
    value: {
      issuer: m.issuer,
      authorizationEndpoint,
      tokenEndpoint,
      registrationEndpoint,
      revocationEndpoint: httpUrl(m.revocation_endpoint),
      accountManagementUri: httpUrl(m.account_management_uri),
    },
  };
}

/** The host an issuer is shown by on the login page ("Sign in with auth.example.org"). */
export function issuerLabel(issuer: string): string {
  return URL.canParse(issuer) ? new URL(issuer).host : issuer.slice(0, 60);
}

export type Pkce = { verifier: string; challenge: string };

/** 32 random bytes as the verifier (43 characters, RFC 7636 §4.1); the challenge is its SHA-256, base64url. */
export function createPkce(): Pkce {
  const verifier = crypto.randomBytes(32).toString("base64url");
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function pkceChallenge(verifier: string): string {
  return crypto.createHash("sha256").update(verifier).digest("base64url");
}

export const SCOPE_CLIENT_API = "urn:matrix:client:api:*";
export const SCOPE_SYNAPSE_ADMIN = "urn:synapse:admin:*";
export const SCOPE_MAS_ADMIN = "urn:mas:admin";
export const DEVICE_SCOPE_PREFIX = "urn:matrix:client:device:";

/** A new device id for the session (MSC2967: the client picks it, 10+ unreserved characters). */
export function newDeviceId(): string {
  return crypto.randomBytes(8).toString("hex").toUpperCase();
}

export function requestedScopes(deviceId: string, masAdmin: boolean): string {
  return ["openid", SCOPE_CLIENT_API, SCOPE_SYNAPSE_ADMIN, `${DEVICE_SCOPE_PREFIX}${deviceId}`, ...(masAdmin ? [SCOPE_MAS_ADMIN] : [])].join(" ");
}

/** The scopes of a token answer that matter here; an answer without `scope` was granted as asked (RFC 6749 §5.1). */
export function grantedScopes(answer: string | undefined, asked: string): Set<string> {
  return new Set((answer ?? asked).split(" ").filter(Boolean));
}

export function authorizeUrl(
  meta: Pick<AuthServerMetadata, "authorizationEndpoint">,
  p: { clientId: string; redirectUri: string; scope: string; state: string; nonce: string; challenge: string },
): string {
  const u = new URL(meta.authorizationEndpoint);
  u.searchParams.set("response_type", "code");
  u.searchParams.set("response_mode", "query");
  u.searchParams.set("client_id", p.clientId);
  u.searchParams.set("redirect_uri", p.redirectUri);
  u.searchParams.set("scope", p.scope);
  u.searchParams.set("state", p.state);
  u.searchParams.set("nonce", p.nonce);
  u.searchParams.set("code_challenge", p.challenge);
  u.searchParams.set("code_challenge_method", "S256");
  return u.toString();
}

/** The client metadata the portal registers with (MSC2966). */
export function clientRegistration(portalOrigin: string, redirectUri: string) {
  return {
    client_name: "Synapse Admin Portal",
    client_uri: portalOrigin,
    redirect_uris: [redirectUri],
    application_type: "web",
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
  };
}
