// The session cookie's name, lifetime and flags, without next/headers, so the proxy (which rewrites the cookie
// after a MAS token refresh) and lib/auth/session.ts set exactly the same cookie.
import { getEnv } from "@/lib/env";

export const SESSION_COOKIE = "portal_session";
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** Secure cookies whenever the portal is reached over https (directly or behind a TLS proxy). */
export function isHttpsFor(forwardedProto: string | null): boolean {
  const env = getEnv();
  if (env.COOKIE_SECURE !== "auto") return env.COOKIE_SECURE === "true";
  if (env.PORTAL_URL) return env.PORTAL_URL.startsWith("https:");
  return forwardedProto?.split(",")[0]?.trim() === "https";
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", secure, path: "/" } as const;
}
