import "server-only";
// Refreshes a MAS session's access token before it expires. Runs in the proxy (proxy.ts), the one place that can
// rewrite the sealed cookie for both this request and the browser before any page renders (pages cannot set
// cookies); requireAdmin then checks the fresh token as usual. A refused refresh leaves the session to end there.
import { createHash } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { refreshTokens } from "@/lib/synapse/oauth";
import { getSessionSecret } from "./session-secret";
import { installNetworkPolicy } from "./network-policy";
import type { PortalSession } from "./session";
import { SESSION_TTL_SECONDS } from "./session-cookie";

// The same outbound policy as every other call to a homeserver or its issuer (the proxy may run first).
installNetworkPolicy();

/** Less than this share of the token's life left: refresh now. */
const REFRESH_WHEN_LEFT = 1 / 3;

export function needsRefresh(oauth: PortalSession["oauth"], now = Date.now()): boolean {
  if (!oauth?.refreshToken || !oauth.expiresAt || !oauth.lifetimeMs) return false;
  return oauth.expiresAt - now < oauth.lifetimeMs * REFRESH_WHEN_LEFT;
}

// A page sends several requests at once (prefetches, refreshes), each with the same sealed cookie. The issuer
// rotates refresh tokens and treats a reused one as theft (it ends the grant), so one refresh per refresh token:
// the requests that arrive meanwhile, or a little later with the old cookie, get the same new tokens.
const REUSE_MS = 60_000;
const refreshes = new Map<string, { at: number; tokens: ReturnType<typeof refreshTokens> }>();

function refreshOnce(oauth: NonNullable<PortalSession["oauth"]>): ReturnType<typeof refreshTokens> {
  const now = Date.now();
  for (const [k, r] of refreshes) if (now - r.at > REUSE_MS) refreshes.delete(k);
  const key = createHash("sha256").update(oauth.refreshToken!).digest("base64url");
  let r = refreshes.get(key);
  if (!r) {
    r = { at: now, tokens: refreshTokens(oauth, { clientId: oauth.clientId, refreshToken: oauth.refreshToken!, scope: oauth.scope }) };
    r.tokens.catch(() => refreshes.delete(key));
    refreshes.set(key, r);
  }
  return r.tokens;
}

/** The new sealed cookie value, or null when nothing needs (or can get) a refresh. */
export async function refreshSessionCookie(sealed: string): Promise<string | null> {
  const password = getSessionSecret();
  const session = await unsealData<PortalSession>(sealed, { password, ttl: SESSION_TTL_SECONDS });
  const oauth = session.oauth;
  if (!session.accessToken || !needsRefresh(oauth)) return null;
  const fresh = await refreshOnce(oauth!);
  const next: PortalSession = {
    ...session,
    accessToken: fresh.accessToken,
    oauth: { ...oauth!, refreshToken: fresh.refreshToken, expiresAt: fresh.expiresAt, lifetimeMs: fresh.expiresAt ? fresh.expiresAt - Date.now() : null },
  };
  return sealData(next, { password, ttl: SESSION_TTL_SECONDS });
}
