// HOMESERVER_ALLOWLIST: which homeservers a shared portal may log in to. Server-side (its errors are for the log).
import { normalizeHomeserverUrl } from "./homeserver-url";
import { messageIn } from "@/lib/i18n/translator";
import { isValidServerName } from "./mxid";

export type AllowlistEntry = { kind: "url"; url: string } | { kind: "server-name"; serverName: string };

export function parseAllowlist(raw: string | undefined): AllowlistEntry[] {
  if (!raw) return [];
  const entries: AllowlistEntry[] = [];
  for (const part of raw.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (/^https?:\/\//i.test(part)) {
      const n = normalizeHomeserverUrl(part);
      if (!n.ok) throw new Error(`HOMESERVER_ALLOWLIST: ${messageIn(n.message)}`);
      entries.push({ kind: "url", url: n.url });
    } else if (isValidServerName(part.toLowerCase())) {
      entries.push({ kind: "server-name", serverName: part.toLowerCase() });
    } else {
      throw new Error(`HOMESERVER_ALLOWLIST: "${part}" is neither a URL nor a server name`);
    }
  }
  return entries;
}

/**
 * Whether a homeserver base URL may be used. A URL entry allows exactly that URL; a server-name
 * entry allows https://<name> and, through `delegatedFrom`, the base URL its .well-known names.
 */
export function isHomeserverAllowed(
  entries: AllowlistEntry[],
  baseUrl: string,
  delegated?: { serverName: string; baseUrl: string },
): boolean {
  if (entries.length === 0) return true;
  const n = normalizeHomeserverUrl(baseUrl);
  if (!n.ok) return false;
  return entries.some((e) => {
    if (e.kind === "url") return e.url.toLowerCase() === n.url.toLowerCase();
    if (n.url.toLowerCase() === `https://${e.serverName}`) return true;
    if (delegated === undefined || delegated.serverName.toLowerCase() !== e.serverName) return false;
    const d = normalizeHomeserverUrl(delegated.baseUrl);
    return d.ok && d.url.toLowerCase() === n.url.toLowerCase();
  });
}

export function allowlistLabel(e: AllowlistEntry): string {
  return e.kind === "url" ? e.url : e.serverName;
}
