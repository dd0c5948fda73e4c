import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { getIronSession } from "iron-session";
import { getEnv } from "@/lib/env";
import { buildUrl } from "@/lib/synapse/client";
import { sessionOptions } from "./session";

/** Sealed, short-lived cookie binding the SSO return to the browser that started it (login CSRF). */
type SsoState = { state?: string; baseUrl?: string };
const SSO_COOKIE = "portal_sso";
const SSO_TTL_SECONDS = 10 * 60;

async function ssoCookie() {
  return getIronSession<SsoState>(await cookies(), await sessionOptions(SSO_COOKIE, SSO_TTL_SECONDS));
}

export function portalOrigin(requestUrl: string): string {
  return getEnv().PORTAL_URL?.replace(/\/+$/, "") ?? new URL(requestUrl).origin;
}

/** Remembers where SSO started and returns Synapse's SSO redirect URL for the browser. */
export async function beginSso(baseUrl: string, idpId: string | null, requestUrl: string): Promise<string> {
  const state = crypto.randomBytes(24).toString("base64url");
  const c = await ssoCookie();
  c.state = state;
  c.baseUrl = baseUrl;
  await c.save();
  const callback = `${portalOrigin(requestUrl)}/login/sso/callback?state=${state}`;
  const path = "/_matrix/client/v3/login/sso/redirect" + (idpId ? `/${encodeURIComponent(idpId)}` : "");
  return buildUrl(baseUrl, path, { redirectUrl: callback });
}

/** The homeserver SSO started with, if `state` matches this browser's cookie; the cookie is used up. */
export async function finishSso(state: string | null): Promise<string | null> {
  const c = await ssoCookie();
  const ok = !!state && !!c.state && !!c.baseUrl && crypto.timingSafeEqual(Buffer.from(state.padEnd(64)), Buffer.from(c.state.padEnd(64)));
  const baseUrl = ok ? c.baseUrl! : null;
  c.destroy();
  return baseUrl;
}
