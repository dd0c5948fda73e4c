import "server-only";
import { getEnv } from "@/lib/env";
import { allowlistLabel, isHomeserverAllowed, parseAllowlist, type AllowlistEntry } from "@/lib/matrix/allowlist";
import { normalizeHomeserverUrl } from "@/lib/matrix/homeserver-url";
import { discoverHomeserver } from "@/lib/synapse/discovery";
import type { RedirectPolicy } from "@/lib/synapse/http";

export function getAllowlist(): AllowlistEntry[] {
  return parseAllowlist(getEnv().HOMESERVER_ALLOWLIST);
}

/** With an allowlist, the portal follows no redirect to another host. */
export function redirectPolicy(): RedirectPolicy {
  return getAllowlist().length > 0 ? "same-origin" : "any";
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
    const d = await discoverHomeserver(byName.serverName, "same-origin");
    return { ok: true, baseUrl: d.baseUrl };
  }
  const n = normalizeHomeserverUrl(input);
  if (!n.ok) return n;
  if (entries.length === 0 || isHomeserverAllowed(entries, n.url)) return { ok: true, baseUrl: n.url };
  for (const e of entries) {
    if (e.kind !== "server-name") continue;
    const d = await discoverHomeserver(e.serverName, "same-origin");
    if (isHomeserverAllowed(entries, n.url, { serverName: e.serverName, baseUrl: d.baseUrl })) {
      return { ok: true, baseUrl: n.url };
    }
  }
  return {
    ok: false,
    message: `This portal only signs in to ${entries.map(allowlistLabel).join(", ")}. ${n.url} is not on its list.`,
  };
}
