import "server-only";
import { cookies, headers } from "next/headers";
import { getIronSession, type SessionOptions } from "iron-session";
import { getSessionSecret } from "./session-secret";
import { isHttpsFor, SESSION_COOKIE, SESSION_TTL_SECONDS, sessionCookieOptions } from "./session-cookie";
import { installNetworkPolicy } from "./network-policy";

// Every request that can reach a homeserver passes through the session first: the guard is in place by then.
installNetworkPolicy();

/** Everything about a signed-in admin lives only in this sealed, httpOnly cookie. */
export type PortalSession = {
  userId?: string;
  accessToken?: string;
  deviceId?: string | null;
  baseUrl?: string;
  signedInAt?: number;
  /** Signed in through the homeserver's OAuth 2.0 server (MAS): what refreshing and revoking the tokens needs. */
  oauth?: OAuthSession;
  /** Behind the organisation gate: whose (gate subject) Synapse sign-in this is; another person's is ended. */
  gateSubject?: string;
};

export type OAuthSession = {
  issuer: string;
  tokenEndpoint: string;
  revocationEndpoint: string | null;
  clientId: string;
  refreshToken: string | null;
  /** When the access token expires (ms), and how long it lived: refreshed once less than a third is left. */
  expiresAt: number | null;
  lifetimeMs: number | null;
  scope: string;
};

export { SESSION_COOKIE, SESSION_TTL_SECONDS };

/** Secure cookies whenever the portal is reached over https (directly or behind a TLS proxy). */
export async function isHttpsRequest(): Promise<boolean> {
  return isHttpsFor((await headers()).get("x-forwarded-proto"));
}

export async function sessionOptions(cookieName = SESSION_COOKIE, ttl = SESSION_TTL_SECONDS): Promise<SessionOptions> {
  return {
    cookieName,
    password: getSessionSecret(),
    ttl,
    cookieOptions: sessionCookieOptions(await isHttpsRequest()),
  };
}

export async function getSession() {
  return getIronSession<PortalSession>(await cookies(), await sessionOptions());
}
