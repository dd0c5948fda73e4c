import "server-only";
import { z } from "zod";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { parseDomains, parseEmails, parseRoleRules } from "@/lib/gate-rules";

/** A gate list variable: checked at start, so a typo is a configuration error, not a silent refusal. */
const gateList = (parse: (raw: string) => unknown) =>
  z.string().optional().superRefine((raw, ctx) => {
    try {
      parse(raw ?? "");
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
    }
  });

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
  // Under MAS: how long a job's own personal session (its token) lives at most; it is revoked when the job ends.
  MAS_JOB_TOKEN_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  // Next.js's own: any value turns its signal handler off, and then the portal's (lib/ops/shutdown.ts) runs.
  NEXT_MANUAL_SIG_HANDLE: z.string().optional(),
  // The organisation gate (lib/auth/gate.ts): off unless the issuer is set.
  GATE_OIDC_ISSUER: z.url().optional(),
  GATE_OIDC_CLIENT_ID: z.string().optional(),
  GATE_OIDC_CLIENT_SECRET: z.string().optional(),
  GATE_NAME: z.string().max(60).default("your organisation"),
  GATE_ALLOWED_EMAILS: gateList(parseEmails),
  GATE_ALLOWED_DOMAINS: gateList(parseDomains),
  GATE_ALLOWED_GROUPS: z.string().optional(),
  GATE_GROUPS_CLAIM: z.string().min(1).default("groups"),
  GATE_OIDC_SCOPE: z.string().regex(/(^|\s)openid(\s|$)/, "must include openid").default("openid email profile"),
  GATE_ROLE_OWNER: gateList(parseRoleRules),
  GATE_ROLE_OPERATOR: gateList(parseRoleRules),
  GATE_ROLE_VIEWER: gateList(parseRoleRules),
}).superRefine((e, ctx) => {
  if (!e.GATE_OIDC_ISSUER) return;
  for (const key of ["GATE_OIDC_CLIENT_ID", "GATE_OIDC_CLIENT_SECRET"] as const) {
    if (!e[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when GATE_OIDC_ISSUER is set" });
  }
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
  if (cached.GATE_OIDC_ISSUER) {
    // next-auth reads these itself: its callback address is PORTAL_URL when set, else the request's host
    // (as the single sign-on return address; an identity provider accepts only registered return addresses).
    if (cached.PORTAL_URL) process.env.NEXTAUTH_URL = cached.PORTAL_URL;
    else process.env.AUTH_TRUST_HOST = "true";
  }
  return cached;
}
