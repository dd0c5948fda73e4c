import "server-only";
import crypto from "node:crypto";
import { cookies, headers } from "next/headers";
import { getIronSession } from "iron-session";
import { getEnv } from "@/lib/env";
import { ssoRedirectUrl } from "@/lib/synapse/auth";
import { isHttpsRequest, sessionOptions } from "./session";

/** Sealed, short-lived cookie binding the SSO return to the browser that started it (login CSRF). */
type SsoState = { state?: string; baseUrl?: string };
const SSO_COOKIE = "portal_sso";
const SSO_TTL_SECONDS = 10 * 60;

async function ssoCookie() {
  return getIronSession<SsoState>(await cookies(), await sessionOptions(SSO_COOKIE, SSO_TTL_SECONDS));
}

/** PORTAL_URL when set (recommended behind a proxy), else the scheme and host the browser used. */
export async function portalOrigin(): Promise<string> {
  const configured = getEnv().PORTAL_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host");
  return `${(await isHttpsRequest()) ? "https" : "http"}://${host}`;
}

/** Remembers where SSO started and returns Synapse's SSO redirect URL for the browser. */
export async function beginSso(baseUrl: string, idpId: string | null): Promise<string> {
  const state = crypto.randomBytes(24).toString("base64url");
  const c = await ssoCookie();
  c.state = state;
  c.baseUrl = baseUrl;
  await c.save();
  return ssoRedirectUrl(baseUrl, `${await portalOrigin()}/login/sso/callback?state=${state}`, idpId);
}

const STATE_FORMAT = /^[A-Za-z0-9_-]{32}$/;

/**
 * The homeserver SSO started with, if `state` matches this browser's cookie; the cookie is used up.
 * A state of the wrong shape (too long, other characters) never reaches the comparison.
 */
export async function finishSso(state: string | null): Promise<string | null> {
  const c = await ssoCookie();
  const wellFormed = !!state && STATE_FORMAT.test(state) && !!c.state && STATE_FORMAT.test(c.state);
  const ok = wellFormed && !!c.baseUrl && crypto.timingSafeEqual(Buffer.from(state!), Buffer.from(c.state!));
  const baseUrl = ok ? c.baseUrl! : null;
  c.destroy();
  return baseUrl;
}
