import "server-only";
import dns from "node:dns";
import net from "node:net";
import { AsyncLocalStorage } from "node:async_hooks";
import { classifyAddress, type AddressClass } from "./address-class";
import { HomeserverUnreachableError } from "./errors";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;
/** May this homeserver authority (`host:port`) be reached at a private or loopback address? */
export type PrivateHostGate = (authority: string) => boolean | Promise<boolean>;
type GuardConfig = { resolve: Resolver; allowPrivate: PrivateHostGate };

const systemResolver: Resolver = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

// On globalThis: Next.js may bundle this module more than once (instrumentation, routes, actions).
const KEY = Symbol.for("synapse-admin-portal.network-guard");
const slot = globalThis as { [KEY]?: GuardConfig };
// Library default (tests, benchmarks, scripts): private addresses allowed. The portal installs its policy
// (lib/auth/network-policy.ts) before any request; forbidden addresses are refused either way.
const config = (): GuardConfig => slot[KEY] ?? { resolve: systemResolver, allowPrivate: () => true };

/** Replaces the resolver (tests) and/or the private-address gate (the portal's policy). */
export function configureNetworkGuard(change: Partial<GuardConfig>): void {
  slot[KEY] = { ...config(), ...change };
}

const observed = new AsyncLocalStorage<AddressClass[]>();

/** Runs `fn` and returns the address classes of every connection it made (sign-in pins only private servers). */
export async function observeAddresses<T>(fn: () => Promise<T>): Promise<{ value: T; classes: AddressClass[] }> {
  const classes: AddressClass[] = [];
  const value = await observed.run(classes, fn);
  return { value, classes };
}

export function authorityOf(url: URL): string {
  return `${url.hostname.toLowerCase()}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
}

/**
 * Resolves the URL's host once and checks every address: link-local and metadata never, private only
 * when the gate allows this authority. The caller connects to the returned address (no second lookup,
 * so DNS rebinding between check and connect is impossible).
 */
export async function checkedAddress(url: URL): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const refuse = (why: string) => new HomeserverUnreachableError("policy", url.toString(), why);
  let addresses: ResolvedAddress[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await config().resolve(host);
    } catch (e) {
      throw new HomeserverUnreachableError("network", url.toString(), (e as { code?: string }).code ?? "DNS lookup failed");
    }
  }
  if (addresses.length === 0) throw new HomeserverUnreachableError("network", url.toString(), "no address");
  const classes = addresses.map((a) => classifyAddress(a.address));
  if (classes.includes("forbidden")) throw refuse("link-local, metadata or reserved address");
  if (classes.includes("private") && !(await config().allowPrivate(authorityOf(url)))) {
    throw refuse("private address of a homeserver this portal does not trust");
  }
  observed.getStore()?.push(...classes);
  return addresses[0];
}

/** Does this authority's host resolve to private/loopback addresses only? */
export async function isPrivateHost(authority: string): Promise<boolean> {
  const host = authority.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [{ address: host }] : await config().resolve(host).catch(() => []);
  return addresses.length > 0 && addresses.every((a) => classifyAddress(a.address) === "private");
}
