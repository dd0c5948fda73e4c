import { checkHealth } from "@/lib/ops/health";

// For load balancers and orchestrators: no session needed, and nothing in it is secret.
export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
