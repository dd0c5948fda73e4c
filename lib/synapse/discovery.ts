import "server-only";
import { isLoopbackHost, normalizeHomeserverUrl } from "@/lib/matrix/homeserver-url";
import { httpFetch, readCappedText } from "./http";
import { HomeserverUnreachableError, SynapseError } from "./errors";
import { synapseFetch } from "./client";
import { rememberFor } from "@/lib/remember-for";

const PROBE_TIMEOUT_MS = 5_000;

export type Discovery = { baseUrl: string; source: "well-known" | "fallback" };

/** Schemes to try for a server name: https always; http as well for loopback (a portal next to its Synapse). */
function schemesFor(host: string): string[] {
  return isLoopbackHost(host) ? ["https", "http"] : ["https"];
}

const WELL_KNOWN_MAX_BYTES = 64 * 1024;

/**
 * Client-server discovery from a server name: `/.well-known/matrix/client`'s m.homeserver.base_url,
 * else https://<server name>. Redirects are followed only within the same origin.
 */
export async function discoverHomeserver(serverName: string): Promise<Discovery> {
  const schemes = schemesFor(serverName);
  const losers = new AbortController();
  try {
    // Loopback tries https and http at once: TLS to a plain-http port hangs until the timeout.
    const baseUrl = await Promise.any(
      schemes.map((scheme) => readWellKnown(`${scheme}://${serverName}`, losers.signal)),
    );
    return { baseUrl, source: "well-known" };
  } catch (e) {
    if (!(e instanceof AggregateError)) throw e;
    // Refused by the network guard: falling back to the same host would only be refused again.
    const refused = e.errors.find((x) => x instanceof HomeserverUnreachableError && x.kind === "policy");
    if (refused) throw refused;
  } finally {
    losers.abort();
  }
  return { baseUrl: `${schemes[0]}://${serverName}`, source: "fallback" };
}

/** m.homeserver.base_url from a server's .well-known; rejects when absent or unusable. */
async function readWellKnown(origin: string, signal: AbortSignal): Promise<string> {
  const url = `${origin}/.well-known/matrix/client`;
  const res = await httpFetch(url, { headers: { accept: "application/json" } }, { timeoutMs: PROBE_TIMEOUT_MS, redirects: "same-origin", signal });
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`well-known: HTTP ${res.status}`);
  }
  let body: { "m.homeserver"?: { base_url?: unknown } } | null = null;
  try {
    body = JSON.parse(await readCappedText(res, url, WELL_KNOWN_MAX_BYTES));
  } catch (e) {
    if (e instanceof HomeserverUnreachableError && e.kind !== "too-large") throw e;
  }
  const base = body?.["m.homeserver"]?.base_url;
  const n = typeof base === "string" ? normalizeHomeserverUrl(base) : null;
  if (!n?.ok) throw new Error("well-known: no usable m.homeserver.base_url");
  return n.url;
}

export type HomeserverProbe = {
  baseUrl: string;
  /** e.g. "Synapse"; null when the admin API's version endpoint does not answer (not Synapse). */
  implementation: string | null;
  version: string | null;
  specVersions: string[];
};

/** Is this URL a Matrix homeserver, and which implementation and version? Throws HomeserverUnreachableError. */
export async function probeHomeserver(baseUrl: string): Promise<HomeserverProbe> {
  let versions: { versions?: unknown };
  try {
    versions = await synapseFetch<{ versions?: unknown }>({ baseUrl }, "/_matrix/client/versions", {
      timeoutMs: PROBE_TIMEOUT_MS,
      rateLimitRetries: 0,
    });
  } catch (e) {
    if (e instanceof SynapseError) {
      throw new HomeserverUnreachableError("not-matrix", baseUrl, `/_matrix/client/versions answered ${e.status}`);
    }
    throw e;
  }
  if (!Array.isArray(versions.versions)) {
    throw new HomeserverUnreachableError("not-matrix", baseUrl, "no versions list");
  }
  const server = await getServerVersion(baseUrl).catch(() => null);
  return {
    baseUrl,
    implementation: server ? "Synapse" : null,
    version: server,
    specVersions: versions.versions.filter((v): v is string => typeof v === "string"),
  };
}

const SERVER_VERSION = /^[0-9][0-9A-Za-z.+_-]{0,39}$/;

/** Synapse's version string; the endpoint needs no token. */
export async function getServerVersion(baseUrl: string): Promise<string> {
  const body = await synapseFetch<{ server_version?: string }>({ baseUrl }, "/_synapse/admin/v1/server_version", {
    timeoutMs: PROBE_TIMEOUT_MS,
    rateLimitRetries: 0,
  });
  // Shown on the login page before the server is trusted: only a plausible version string is shown.
  if (typeof body.server_version !== "string" || !SERVER_VERSION.test(body.server_version)) throw new Error("server_version missing or odd");
  return body.server_version;
}

/**
 * getServerVersion remembered per homeserver for 5 minutes: every portal page shows it in the header,
 * and it only changes when Synapse is upgraded.
 */
export const getServerVersionCached = rememberFor(5 * 60_000, getServerVersion);
