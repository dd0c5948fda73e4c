import "server-only";
import { getEnv } from "@/lib/env";
import { anyHomeserverPinned, listPinnedHomeservers } from "@/lib/db/pinned-homeservers";
import { configureNetworkGuard } from "@/lib/synapse/network-guard";
import { getAllowlist } from "./homeserver-policy";

/** Explicitly trusted private homeservers (PRIVATE_HOMESERVER_HOSTS), as lowercase host:port. */
export function configuredPrivateHosts(): string[] {
  return (getEnv().PRIVATE_HOMESERVER_HOSTS ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((s) => (/:\d+$/.test(s) ? s : `${s}:443`));
}

let pinned: { at: number; list: Promise<string[]>; used: Promise<boolean> } | undefined;
const PIN_CACHE_MS = 5_000;

function cachedPins(): { list: Promise<string[]>; used: Promise<boolean> } {
  if (!pinned || Date.now() - pinned.at > PIN_CACHE_MS) pinned = { at: Date.now(), list: listPinnedHomeservers(), used: anyHomeserverPinned() };
  return pinned;
}

export function forgetCachedPins(): void {
  pinned = undefined;
}

/**
 * May a homeserver at a private/loopback address be reached? With an allowlist: yes (only listed servers get
 * this far). Otherwise only listed in PRIVATE_HOMESERVER_HOSTS, pinned by an admin's sign-in to it, or while
 * nothing is configured and no admin has signed in to any homeserver yet (first run), so a stranger cannot use a
 * used portal to probe the internal network.
 */
export async function mayReachPrivate(authority: string): Promise<boolean> {
  if (getAllowlist().length > 0) return true;
  const configured = configuredPrivateHosts();
  if (configured.includes(authority)) return true;
  const pins = cachedPins();
  if ((await pins.list).includes(authority)) return true;
  return configured.length === 0 && !(await pins.used);
}

/** Installs the portal's policy in the network guard; idempotent, called by every auth entry point. */
export function installNetworkPolicy(): void {
  configureNetworkGuard({ allowPrivate: mayReachPrivate });
}
