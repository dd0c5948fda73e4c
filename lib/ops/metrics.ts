import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { countJobsByKindAndStatus, countLeasedJobs, countOpenImportRowsByStatus, pingDatabase } from "@/lib/db/health";
import { observeSynapseRequests } from "@/lib/synapse/observe";

// One registry per process, on globalThis (instrumentation and the route are separate module instances).
const g = globalThis as unknown as { portalMetrics?: Registry };

/**
 * Per-process counters of requests to Synapse, and job gauges read from the database at scrape time,
 * so that several instances never double-count and the figures survive restarts. Labels never hold
 * user ids, room ids or tokens.
 */
export function metricsRegistry(): Registry {
  if (g.portalMetrics) return g.portalMetrics;
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: "portal_" });
  const requests = new Counter({ name: "portal_synapse_requests_total", help: "Requests to Synapse by API family, method and HTTP status", labelNames: ["api", "method", "status"], registers });
  const errors = new Counter({ name: "portal_synapse_request_errors_total", help: "Requests to Synapse that failed: network errors, rate limits (429) and server errors (5xx)", labelNames: ["api", "reason"], registers });
  const latency = new Histogram({ name: "portal_synapse_request_duration_seconds", help: "Time until Synapse's response headers", labelNames: ["api"], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers });
  // A registry collects its metrics concurrently, so each gauge reads what it shows itself.
  new Gauge({
    name: "portal_database_up",
    help: "1 when this scrape could read the database",
    registers,
    async collect() {
      this.set(await pingDatabase().then(() => 1, () => 0));
    },
  });
  new Gauge({
    name: "portal_jobs",
    help: "Job records by kind and status, read from the database (imports, every kind of the job runtime, media deletions, room deletes and history purges)",
    labelNames: ["kind", "status"],
    registers,
    async collect() {
      this.reset();
      for (const c of await countJobsByKindAndStatus().catch(() => [])) this.set({ kind: c.kind, status: c.status }, c.count);
    },
  });
  new Gauge({
    name: "portal_jobs_leased",
    help: "Jobs an instance holds a live lease on (is driving now), by the runtime's table",
    labelNames: ["table"],
    registers,
    async collect() {
      this.reset();
      for (const c of await countLeasedJobs().catch(() => [])) this.set({ table: c.table }, c.count);
    },
  });
  new Gauge({
    name: "portal_import_rows_open",
    help: "Rows of unfinished imports by row status",
    labelNames: ["status"],
    registers,
    async collect() {
      this.reset();
      for (const c of await countOpenImportRowsByStatus().catch(() => [])) this.set({ status: c.status }, c.count);
    },
  });
  observeSynapseRequests((e) => {
    requests.inc({ api: e.api, method: e.method, status: String(e.status) });
    latency.observe({ api: e.api }, e.seconds);
    const reason = e.status === "network-error" ? "network" : e.status === 429 ? "rate-limited" : e.status >= 500 ? "server-error" : null;
    if (reason) errors.inc({ api: e.api, reason });
  });
  g.portalMetrics = registry;
  return registry;
}
