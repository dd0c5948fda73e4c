import "server-only";
import { z } from "zod";
import { databaseProvider, databaseUrl } from "@/lib/database-url";

// The one place that reads process.env; everything else asks getEnv().
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SESSION_SECRET: z.string().optional(),
  DATA_DIR: z.string().min(1).default("data"),
  HOMESERVER_ALLOWLIST: z.string().optional(),
  PORTAL_URL: z.url().optional(),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  /** host:port list of private/loopback homeservers to trust without a first sign-in (README "Security model"). */
  PRIVATE_HOMESERVER_HOSTS: z.string().optional(),
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For entry. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** Anonymous sign-in attempts (and, 3x, homeserver probes) per client address per minute. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  // /api/metrics answers only with this bearer token (404 when unset).
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // How long a SIGTERM waits for running import rows before stopping them.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  // The job runtime (lib/jobs/runtime.ts): this instance's name as a lease owner (default host:pid:random),
  // how long a lease lasts without a heartbeat, how often it is renewed and how often jobs are looked for.
  PORTAL_INSTANCE_ID: z.string().min(1).max(200).optional(),
  JOB_LEASE_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  JOB_HEARTBEAT_MS: z.coerce.number().int().min(200).max(100_000).optional(),
  JOB_POLL_MS: z.coerce.number().int().min(200).max(60_000).default(2000),
  // Jobs one instance runs at once (each job bounds its own requests to Synapse).
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // Next.js's own: any value turns its signal handler off, and then the portal's (lib/ops/shutdown.ts) runs.
  NEXT_MANUAL_SIG_HANDLE: z.string().optional(),
});

export type PortalEnv = z.infer<typeof envSchema> & { databaseUrl: string };

let cached: PortalEnv | undefined;

export function getEnv(): PortalEnv {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid portal configuration: ${details}`);
  }
  const url = databaseUrl(process.env);
  databaseProvider(url); // a URL of another scheme is a configuration error, reported at start
  cached = { ...parsed.data, databaseUrl: url };
  return cached;
}
