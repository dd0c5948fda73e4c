import "server-only";
// The OAuth 2.0 sign-in of homeservers that delegate to MAS: authorization code + PKCE S256 with a client
// registered once per homeserver and issuer (MSC2966). State, verifier and nonce live in a sealed, 10-minute
// cookie bound to this browser; the tokens only ever in the sealed session.
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { getIronSession } from "iron-session";
import { authorizeUrl, clientRegistration, createPkce, newDeviceId, requestedScopes, SCOPE_SYNAPSE_ADMIN, type AuthServerMetadata } from "@/lib/matrix/oauth";
import { OAuthFlowError } from "@/lib/synapse/errors";
import { exchangeCode, getAuthServer, registerOAuthClient, revokeToken } from "@/lib/synapse/oauth";
import { forHomeserver } from "@/lib/db/tenant";
import { sessionOptions, type OAuthSession } from "./session";
import { portalOrigin } from "./sso";
import { signInWithOAuthTokens, type SignInResult } from "./sign-in";

type OAuthState = {
  state?: string;
  verifier?: string;
  nonce?: string;
  baseUrl?: string;
  clientId?: string;
  scope?: string;
  redirectUri?: string;
  issuer?: string;
  tokenEndpoint?: string;
  revocationEndpoint?: string | null;
};
const OAUTH_COOKIE = "portal_oauth";
const OAUTH_TTL_SECONDS = 10 * 60;
const STATE_FORMAT = /^[A-Za-z0-9_-]{32}$/;

async function oauthCookie() {
  return getIronSession<OAuthState>(await cookies(), await sessionOptions(OAUTH_COOKIE, OAUTH_TTL_SECONDS));
}

/** The delegating homeserver's authorization server (null: it does its own logins). */
export async function delegatedAuthServer(baseUrl: string): Promise<AuthServerMetadata | null> {
  return getAuthServer(baseUrl);
}

/** This portal's client id at the issuer: registered on first use, then reused from the database. */
async function clientIdFor(baseUrl: string, meta: AuthServerMetadata, redirectUri: string): Promise<string> {
  const store = forHomeserver(baseUrl).oauthClients;
  const known = await store.find(meta.issuer, redirectUri);
  if (known) return known;
  const fresh = await registerOAuthClient(meta, clientRegistration(await portalOrigin(), redirectUri));
  return store.save(meta.issuer, redirectUri, fresh);
}

/** Remembers the sign-in in the sealed cookie and returns the authorization URL for the browser. */
export async function beginOAuth(baseUrl: string, meta: AuthServerMetadata, masAdmin: boolean): Promise<string> {
  const redirectUri = `${await portalOrigin()}/login/oauth/callback`;
  const clientId = await clientIdFor(baseUrl, meta, redirectUri);
  const pkce = createPkce();
  const state = crypto.randomBytes(24).toString("base64url");
  const nonce = crypto.randomBytes(16).toString("base64url");
  const scope = requestedScopes(newDeviceId(), masAdmin);
  const c = await oauthCookie();
  Object.assign(c, {
    state, verifier: pkce.verifier, nonce, baseUrl, clientId, scope, redirectUri,
    issuer: meta.issuer, tokenEndpoint: meta.tokenEndpoint, revocationEndpoint: meta.revocationEndpoint,
  } satisfies OAuthState);
  await c.save();
  return authorizeUrl(meta, { clientId, redirectUri, scope, state, nonce, challenge: pkce.challenge });
}

/**
 * The return leg: the state must be this browser's (the cookie is used up either way), the server's error is
 * mapped (access_denied: MAS's policy refused the admin scope), then the code is exchanged and the admin checked.
 */
export async function finishOAuth(params: URLSearchParams): Promise<SignInResult> {
  const c = await oauthCookie();
  const saved = { ...c } as OAuthState;
  c.destroy();
  const state = params.get("state");
  const matches =
    !!state && STATE_FORMAT.test(state) && !!saved.state && STATE_FORMAT.test(saved.state) && crypto.timingSafeEqual(Buffer.from(state), Buffer.from(saved.state));
  if (!matches || !saved.baseUrl || !saved.clientId || !saved.verifier || !saved.issuer || !saved.tokenEndpoint || !saved.redirectUri || !saved.scope) {
    throw new OAuthFlowError("state-mismatch", saved.issuer ?? "", "state");
  }
  const error = params.get("error");
  if (error) throw new OAuthFlowError(error === "access_denied" ? "access-denied" : error === "invalid_scope" ? "scope-refused" : "token-refused", saved.issuer, error.slice(0, 40));
  const code = params.get("code");
  if (!code) throw new OAuthFlowError("token-refused", saved.issuer, "no code");
  const tokens = await exchangeCode(
    { issuer: saved.issuer, tokenEndpoint: saved.tokenEndpoint },
    { clientId: saved.clientId, code, verifier: saved.verifier, redirectUri: saved.redirectUri, scope: saved.scope },
  );
  const session: OAuthSession = {
    issuer: saved.issuer,
    tokenEndpoint: saved.tokenEndpoint,
    revocationEndpoint: saved.revocationEndpoint ?? null,
    clientId: saved.clientId,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
    lifetimeMs: tokens.expiresAt ? tokens.expiresAt - Date.now() : null,
    scope: [...tokens.scope].join(" "),
  };
  const discard = () => revokeOAuthTokens(session, tokens.accessToken);
  if (!tokens.scope.has(SCOPE_SYNAPSE_ADMIN)) {
    await discard().catch(() => undefined);
    throw new OAuthFlowError("scope-refused", saved.issuer, "no admin scope granted");
  }
  return signInWithOAuthTokens(saved.baseUrl, tokens.accessToken, { session, discard });
}

/** RFC 7009 for both tokens (the refresh token first: with it revoked, MAS ends the whole session). */
export async function revokeOAuthTokens(oauth: OAuthSession, accessToken: string): Promise<void> {
  if (!oauth.revocationEndpoint) return;
  const meta = { issuer: oauth.issuer, revocationEndpoint: oauth.revocationEndpoint };
  if (oauth.refreshToken) await revokeToken(meta, { clientId: oauth.clientId, token: oauth.refreshToken, hint: "refresh_token" });
  await revokeToken(meta, { clientId: oauth.clientId, token: accessToken, hint: "access_token" });
}
