import { getEnv } from "@/lib/env";
import { metricsRegistry } from "@/lib/ops/metrics";
import { hasBearerToken } from "@/lib/ops/metrics-token";

// Prometheus scrape endpoint, opt-in: absent (404) unless METRICS_TOKEN is set, and then only with that token.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return new Response("Not Found", { status: 404 });
  if (!hasBearerToken(request, token)) {
    return new Response("A bearer token (METRICS_TOKEN) is required.", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
