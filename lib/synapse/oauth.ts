import "server-only";
// The OAuth 2.0 calls of a homeserver that delegates authentication to MAS (MSC3861): discovery (MSC2965), client
// registration (MSC2966), the code exchange, refresh (RFC 6749) and revocation (RFC 7009). The issuer is reached
// through the same outbound door and network policy as homeservers (lib/synapse/http.ts).
import { parseAuthMetadata, grantedScopes, type AuthServerMetadata } from "@/lib/matrix/oauth";
import { synapseFetch } from "./client";
import { httpFetch, readCappedText } from "./http";
import { HomeserverUnreachableError, OAuthFlowError, SynapseError, type OAuthFailure } from "./errors";

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 256 * 1024;

export type TokenSet = { accessToken: string; refreshToken: string | null; expiresAt: number | null; scope: Set<string> };

// A 404/405 (Synapse: M_UNRECOGNIZED), or a non-Matrix answer of a server that is not Synapse: no delegation.
const notDelegated = (e: unknown) =>
  (e instanceof SynapseError && (e.status === 404 || e.status === 405 || e.errcode === "M_UNRECOGNIZED")) ||
  (e instanceof HomeserverUnreachableError && e.kind === "not-matrix");

/**
 * The authorization server a homeserver delegates to, or null when it does its own logins. The stable
 * `/_matrix/client/v1/auth_metadata` first, else the older `auth_issuer` plus the issuer's openid-configuration.
 */
export async function getAuthServer(baseUrl: string): Promise<AuthServerMetadata | null> {
  let raw: unknown;
  let expectedIssuer: string | undefined;
  try {
    raw = await synapseFetch<unknown>({ baseUrl }, "/_matrix/client/v1/auth_metadata", { timeoutMs: TIMEOUT_MS, rateLimitRetries: 0 });
  } catch (e) {
    if (!notDelegated(e)) throw delegationBroken(e, baseUrl);
    let issuer: unknown;
    try {
      ({ issuer } = await synapseFetch<{ issuer?: unknown }>({ baseUrl }, "/_matrix/client/unstable/org.matrix.msc2965/auth_issuer", { timeoutMs: TIMEOUT_MS, rateLimitRetries: 0 }));
    } catch (e2) {
      if (notDelegated(e2)) return null;
      throw delegationBroken(e2, baseUrl);
    }
    if (typeof issuer !== "string" || !URL.canParse(issuer)) throw new OAuthFlowError("bad-metadata", baseUrl, "auth_issuer without an issuer URL");
    expectedIssuer = issuer;
    raw = await issuerJson(issuer, `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`, { method: "GET" }, "issuer-unreachable");
  }
  const parsed = parseAuthMetadata(raw, expectedIssuer);
  if (!parsed.ok) throw new OAuthFlowError("bad-metadata", expectedIssuer ?? baseUrl, parsed.message);
  return parsed.value;
}

/** Synapse says it delegates but cannot tell to whom (its MAS is down: a 5xx), or it is not reachable itself. */
function delegationBroken(e: unknown, baseUrl: string): unknown {
  return e instanceof SynapseError && e.status >= 500 ? new OAuthFlowError("issuer-unreachable", baseUrl, `auth_metadata: ${e.status}`) : e;
}

/** Registers the portal (a public client: PKCE, no secret) and returns its client_id. */
export async function registerOAuthClient(meta: AuthServerMetadata, registration: object): Promise<string> {
  const body = await issuerJson(meta.issuer, meta.registrationEndpoint, { method: "POST", json: registration }, "registration-refused");
  const clientId = (body as { client_id?: unknown }).client_id;
  if (typeof clientId !== "string" || !clientId) throw new OAuthFlowError("registration-refused", meta.issuer, "no client_id");
  return clientId;
}

type Endpoints = Pick<AuthServerMetadata, "issuer" | "tokenEndpoint">;

export async function exchangeCode(meta: Endpoints, p: { clientId: string; code: string; verifier: string; redirectUri: string; scope: string }): Promise<TokenSet> {
  const form = { grant_type: "authorization_code", code: p.code, code_verifier: p.verifier, redirect_uri: p.redirectUri, client_id: p.clientId };
  return tokenSet(await issuerJson(meta.issuer, meta.tokenEndpoint, { method: "POST", form }, "token-refused"), p.scope);
}

/** A new access token (and, where the server rotates them, a new refresh token; else the old one stays). */
export async function refreshTokens(meta: Endpoints, p: { clientId: string; refreshToken: string; scope: string }): Promise<TokenSet> {
  const form = { grant_type: "refresh_token", refresh_token: p.refreshToken, client_id: p.clientId };
  const set = tokenSet(await issuerJson(meta.issuer, meta.tokenEndpoint, { method: "POST", form }, "token-refused"), p.scope);
  return { ...set, refreshToken: set.refreshToken ?? p.refreshToken };
}

/** RFC 7009: the server answers 200 also for tokens it no longer knows. */
export async function revokeToken(meta: { issuer: string; revocationEndpoint: string }, p: { clientId: string; token: string; hint: "access_token" | "refresh_token" }): Promise<void> {
  await issuerJson(meta.issuer, meta.revocationEndpoint, { method: "POST", form: { token: p.token, token_type_hint: p.hint, client_id: p.clientId } }, "token-refused", true);
}

function tokenSet(body: unknown, asked: string): TokenSet {
  const b = body as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; scope?: unknown };
  if (typeof b.access_token !== "string" || !b.access_token) throw new OAuthFlowError("token-refused", "", "no access_token");
  return {
    accessToken: b.access_token,
    refreshToken: typeof b.refresh_token === "string" ? b.refresh_token : null,
    expiresAt: typeof b.expires_in === "number" && b.expires_in > 0 ? Date.now() + b.expires_in * 1000 : null,
    scope: grantedScopes(typeof b.scope === "string" ? b.scope : undefined, asked),
  };
}

type IssuerRequest = { method: "GET" } | { method: "POST"; json: object } | { method: "POST"; form: Record<string, string> };

/** One JSON call to the issuer; a refusal (4xx) is `refused`, a network/policy failure "issuer-unreachable". */
async function issuerJson(issuer: string, url: string, req: IssuerRequest, refused: OAuthFailure, allowEmpty = false): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if ("json" in req) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(req.json);
  } else if ("form" in req) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(req.form).toString();
  }
  let res: Response;
  try {
    res = await httpFetch(url, { method: req.method, headers, body }, { timeoutMs: TIMEOUT_MS, redirects: "none" });
  } catch (e) {
    if (e instanceof HomeserverUnreachableError) throw new OAuthFlowError("issuer-unreachable", issuer, e.kind);
    throw e;
  }
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(await readCappedText(res, url, MAX_BYTES));
  } catch {
    // not JSON: judged by the status below
  }
  if (res.status >= 500 || (res.status >= 300 && res.status < 400)) throw new OAuthFlowError("issuer-unreachable", issuer, `HTTP ${res.status}`);
  if (!res.ok) throw new OAuthFlowError(refused, issuer, `HTTP ${res.status} ${String((parsed as { error?: unknown } | null)?.error ?? "")}`.slice(0, 100));
  if (allowEmpty && res.ok) return parsed ?? {};
  if (!parsed || typeof parsed !== "object") throw new OAuthFlowError(refused === "token-refused" ? "token-refused" : "bad-metadata", issuer, "not a JSON object");
  return parsed;
}
