// Homeserver base URL normalisation. Pure and client-safe.
import { msg } from "@/lib/i18n/message";

export type HomeserverUrlResult = { ok: true; url: string } | { ok: false; message: string };

export function normalizeHomeserverUrl(input: string): HomeserverUrlResult {
  const text = input.trim();
  if (!text) return { ok: false, message: msg("fields.homeserverUrl.empty") };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: msg("fields.homeserverUrl.invalid", { text }) };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: msg("fields.homeserverUrl.scheme", { scheme: url.protocol }) };
  }
  if (url.username || url.password) {
    return { ok: false, message: msg("fields.homeserverUrl.credentials") };
  }
  if (url.search || url.hash) {
    return { ok: false, message: msg("fields.homeserverUrl.queryOrFragment") };
  }
  if (!url.hostname) return { ok: false, message: msg("fields.homeserverUrl.noHost", { text }) };
  const path = url.pathname.replace(/\/+$/, "");
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

export function isLoopbackHost(host: string): boolean {
  // "[::1]:8448", "[::1]" and "::1" are IPv6; otherwise a trailing ":port" is dropped.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  const h = (bracketed ? bracketed[1] : host.includes("::") ? host : host.replace(/:\d+$/, "")).toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}
