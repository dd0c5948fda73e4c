// Two portal instances on one PostgreSQL, as a team deploys them: a throwaway cluster started by the spec
// (scripts/pg-cluster.sh), migrated once (scripts/migrate.sh), and standalone servers started the way the
// image runs them (scripts/serve.sh: node server.js; the test run has built the app and linked its static
// files), each in its own process group so a SIGKILL takes the whole instance at once, like a crash.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { loadTestbed } from "./synapse/testbed";

export { startPgCluster, type PgCluster } from "./pg-cluster";

export type Instance = { name: string; url: string; child: ChildProcess; log: string; exited: Promise<number | null> };

/** Applies the migrations to a new database (once, before its instances start). */
export function migrate(databaseUrl: string): void {
  execFileSync("bash", ["scripts/migrate.sh"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: databaseUrl } });
}

/** A portal instance on `databaseUrl`; resolves once it serves its sign-in page. */
export async function startInstance(o: { name: string; port: number; databaseUrl: string; secret: string; env?: Record<string, string> }): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${o.name}-`));
  const log = path.join(dataDir, "portal.log");
  const port = new URL(loadTestbed().baseUrl).port;
  const child = spawn("node", [".next/standalone/server.js"], {
    env: {
      ...process.env,
      PORT: String(o.port),
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production",
      NEXT_MANUAL_SIG_HANDLE: "true",
      NODE_OPTIONS: `--require ${path.resolve("scripts/client-address.cjs")}`,
      DATA_DIR: dataDir,
      DATABASE_URL: o.databaseUrl,
      SESSION_SECRET: o.secret,
      PORTAL_INSTANCE_ID: o.name,
      // The test Synapse (its server name is localhost:<port>, discovered through .well-known).
      PRIVATE_HOMESERVER_HOSTS: `localhost:${port},127.0.0.1:${port}`,
      LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
      ...o.env,
    },
    detached: true,
    stdio: ["ignore", fs.openSync(log, "a"), fs.openSync(log, "a")],
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const url = `http://127.0.0.1:${o.port}`;
  await expect
    .poll(async () => (await fetch(`${url}/login`).catch(() => null))?.status ?? 0, { timeout: 90_000, intervals: [250], message: `instance ${o.name} serves (log: ${log})` })
    .toBe(200);
  return { name: o.name, url, child, log, exited };
}

/** Like a crash: the whole process group, no shutdown handler; resolves once it is gone. */
export async function killInstance(i: Instance): Promise<void> {
  try {
    process.kill(-i.child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
  await i.exited;
}
