import "server-only";
import { getEnv } from "@/lib/env";
import { allowlistLabel, isHomeserverAllowed, parseAllowlist, type AllowlistEntry } from "@/lib/matrix/allowlist";
import { normalizeHomeserverUrl } from "@/lib/matrix/homeserver-url";
import { discoverHomeserver } from "@/lib/synapse/discovery";
import { rememberFor } from "@/lib/remember-for";
import { msg } from "@/lib/i18n/message";

export function getAllowlist(): AllowlistEntry[] {
  return parseAllowlist(getEnv().HOMESERVER_ALLOWLIST);
}

/**
 * May the portal look up this MXID server name? Checked before any fetch (an allowlisted portal must not
 * probe `@a:10.0.0.5:8080`): a server-name entry, or the host of a URL entry.
 */
export function isServerNameAllowed(serverName: string): boolean {
  const entries = getAllowlist();
  const name = serverName.toLowerCase();
  return (
    entries.length === 0 ||
    entries.some((e) => (e.kind === "server-name" ? e.serverName === name : new URL(e.url).host.toLowerCase() === name))
  );
}

export function notAllowedMessage(what: string): string {
  return msg("errors.HS_NOT_ALLOWED", { list: getAllowlist().map(allowlistLabel).join(", "), what });
}

export type HomeserverChoice = { label: string; value: string };

/** What the login page offers when an allowlist is set (a select, or a read-only field for one). */
export function allowedHomeserverChoices(): HomeserverChoice[] {
  return getAllowlist().map((e) => ({ label: allowlistLabel(e), value: e.kind === "url" ? e.url : e.serverName }));
}

/**
 * Resolves what the admin chose or typed into a base URL and checks it against the allowlist.
 * An allowlisted server name is resolved through its .well-known, so its delegated URL is allowed.
 */
export async function resolveAllowedHomeserver(input: string): Promise<{ ok: true; baseUrl: string } | { ok: false; message: string }> {
  const entries = getAllowlist();
  const byName = entries.find((e) => e.kind === "server-name" && e.serverName === input.trim().toLowerCase());
  if (byName && byName.kind === "server-name") {
    const d = await discoverHomeserver(byName.serverName);
    return { ok: true, baseUrl: d.baseUrl };
  }
  const n = normalizeHomeserverUrl(input);
  if (!n.ok) return n;
  if (entries.length === 0 || isHomeserverAllowed(entries, n.url)) return { ok: true, baseUrl: n.url };
  for (const e of entries) {
    if (e.kind !== "server-name") continue;
    const d = await discoverHomeserver(e.serverName).catch(() => null);
    if (!d) continue;
    if (isHomeserverAllowed(entries, n.url, { serverName: e.serverName, baseUrl: d.baseUrl })) {
      return { ok: true, baseUrl: n.url };
    }
  }
  return { ok: false, message: notAllowedMessage(n.url) };
}

// Delegation of allowlisted server names changes only when their operator moves the homeserver.
const discoverCached = rememberFor(5 * 60_000, (serverName: string) => discoverHomeserver(serverName));

/**
 * Is a signed-in session's homeserver still allowed? Checked on every request, so adding or narrowing the
 * allowlist also ends existing sessions elsewhere. Without an allowlist every homeserver is.
 */
export async function isSessionHomeserverAllowed(baseUrl: string): Promise<boolean> {
  const entries = getAllowlist();
  if (isHomeserverAllowed(entries, baseUrl)) return true;
  for (const e of entries) {
    if (e.kind !== "server-name") continue;
    const d = await discoverCached(e.serverName).catch(() => null);
    if (d && isHomeserverAllowed(entries, baseUrl, { serverName: e.serverName, baseUrl: d.baseUrl })) return true;
  }
  return false;
}
