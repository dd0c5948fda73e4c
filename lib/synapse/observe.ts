import "server-only";

/** What the metrics see of one request to Synapse: no URL, token or user id, only the API family. */
export type SynapseRequestEvent = { api: string; method: string; status: number | "network-error"; seconds: number };
type Observer = (e: SynapseRequestEvent) => void;

// On globalThis: instrumentation and route handlers may be separate module instances in one process.
const g = globalThis as unknown as { portalSynapseObserver?: Observer };

export function observeSynapseRequests(observer: Observer): void {
  g.portalSynapseObserver = observer;
}

function apiFamily(path: string): string {
  if (path.startsWith("/_synapse/admin")) return "admin";
  if (path.startsWith("/_matrix/media") || path.startsWith("/_matrix/client/v1/media")) return "media";
  if (path.startsWith("/_matrix/client")) return "client";
  if (path.startsWith("/.well-known")) return "well-known";
  return "other";
}

/** Times a request on its way out of the one Synapse fetch path (a no-op unless metrics are on). */
export async function observed(path: string, method: string, response: Promise<Response>): Promise<Response> {
  const observer = g.portalSynapseObserver;
  if (!observer) return response;
  const started = performance.now();
  const done = (status: SynapseRequestEvent["status"]) =>
    observer({ api: apiFamily(path), method, status, seconds: (performance.now() - started) / 1000 });
  try {
    const res = await response;
    done(res.status);
    return res;
  } catch (e) {
    done("network-error");
    throw e;
  }
}
