import { defineConfig } from "@playwright/test";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Two portals on the real test Synapse: one open, one with HOMESERVER_ALLOWLIST (hosted deployments).
const dataRoot = process.env.E2E_DATA_ROOT ?? path.join("/tmp", "portal-e2e");
const secret = crypto.randomBytes(32).toString("base64url");
// The first portal serves /api/metrics with this token (the second has none); set once, so the workers see it.
process.env.E2E_METRICS_TOKEN ??= crypto.randomBytes(24).toString("hex");
export const METRICS_TOKEN = process.env.E2E_METRICS_TOKEN;
// PORTAL_PORT and SYNAPSE_PORT let several checkouts run the suite side by side.
const portalPort = Number(process.env.PORTAL_PORT ?? 3100);
const synapsePort = Number(process.env.SYNAPSE_PORT ?? 18008);
export const PORTAL = `http://127.0.0.1:${portalPort}`;
export const ALLOWLIST_PORTAL = `http://127.0.0.1:${portalPort + 1}`;
export const SPARE_PORT = portalPort + 2;
// A third portal behind the organisation gate (next-auth against the test identity provider on SYNAPSE_PORT+500).
export const GATE_PORTAL = `http://127.0.0.1:${portalPort + 3}`;
export const GATE_ENV = {
  GATE_OIDC_ISSUER: `http://127.0.0.1:${synapsePort + 500}`,
  GATE_OIDC_CLIENT_ID: "portal-gate",
  GATE_OIDC_CLIENT_SECRET: "gate-secret",
  GATE_NAME: "Team IdP",
  GATE_ALLOWED_DOMAINS: "team.test",
  GATE_ALLOWED_GROUPS: "contractors",
  GATE_ROLE_OWNER: "group:portal-owners",
  GATE_ROLE_OPERATOR: "group:portal-operators",
};
/** The open portal's data folder (its SQLite database), for journeys that check that nothing was stored. */
export const PORTAL_DATA_DIR = path.join(dataRoot, String(portalPort));
export const ALLOWLIST_ENTRIES = [`localhost:${synapsePort}`, "http://127.0.0.1:9"];
// The open portal runs as a used install would: private homeservers only where trusted. An operator with two
// local Synapses lists them in PRIVATE_HOMESERVER_HOSTS; the journeys also probe port 9 (closed) and the portal
// itself (not Matrix). Every other loopback address, e.g. a stranger's fake homeserver, is refused.
// The MAS journeys' Synapse (port+2) and its MAS (port+502): an operator trusts a private MAS like its homeserver.
export const TRUSTED_PRIVATE_HOSTS = [synapsePort, synapsePort + 1, synapsePort + 2, synapsePort + 502]
  .flatMap((p) => [`localhost:${p}`, `127.0.0.1:${p}`])
  .concat(["127.0.0.1:9", `127.0.0.1:${portalPort}`]);
// The whole suite signs in from 127.0.0.1, far more often than a person; the limit itself has unit tests.
const SUITE_RATE_LIMIT = { LOGIN_RATE_LIMIT_PER_MINUTE: "10000" };

// Journeys that need what only the provisioned test bed has: the test identity provider (SSO) and the second
// Synapse with a password policy (also the "other homeserver" of the tenant isolation journey). Against a SYNAPSE_URL server they are left out of the run, and said so.
const external = JSON.parse(fs.readFileSync(path.join("e2e", ".testbed.json"), "utf8")).external === true;
const TESTBED_ONLY = ["mas.spec.ts", "sso.spec.ts", "password-policy.spec.ts", "tenant-isolation.spec.ts", "notices-disabled.spec.ts", "teams.spec.ts"];
if (external) console.log(`[e2e] SYNAPSE_URL server: not running ${TESTBED_ONLY.join(", ")} (they need the provisioned test bed)`);

function server(port: number, env: Record<string, string>) {
  return {
    command: `bash scripts/start.sh --skip-build`,
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    env: { PORT: String(port), HOST: "127.0.0.1", SESSION_SECRET: secret, DATA_DIR: path.join(dataRoot, String(port)), ...env },
  };
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  testIgnore: external ? TESTBED_ONLY.map((f) => `**/${f}`) : [],
  // One worker: the dashboard compares server-wide totals, and Synapse shares 2 cores with everything else.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: PORTAL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    server(portalPort, { METRICS_TOKEN, ...SUITE_RATE_LIMIT, PRIVATE_HOMESERVER_HOSTS: TRUSTED_PRIVATE_HOSTS.join(",") }),
    server(portalPort + 1, { ...SUITE_RATE_LIMIT, HOMESERVER_ALLOWLIST: ALLOWLIST_ENTRIES.join(",") }),
    server(portalPort + 3, { ...SUITE_RATE_LIMIT, ...GATE_ENV, PRIVATE_HOMESERVER_HOSTS: TRUSTED_PRIVATE_HOSTS.join(",") }),
  ],
});
