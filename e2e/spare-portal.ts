// A portal process of a journey's own on SPARE_PORT (its own data folder and database), for journeys that
// kill it like a crash and start it again: nothing of the suite's two portals is touched.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { SPARE_PORT } from "../playwright.config";

export const SPARE = `http://127.0.0.1:${SPARE_PORT}`;

export function startPortal(dataDir: string, secret: string, env: Record<string, string> = {}): ChildProcess {
  // Its own process group, so killGroup takes npx, next and its workers at once (like a crash).
  // The test run has generated the Prisma client and built the app already.
  const command = `bash scripts/prisma.sh migrate deploy >/dev/null && exec npx next start -p ${SPARE_PORT} -H 127.0.0.1`;
  return spawn("bash", ["-c", command], {
    env: { ...process.env, PORT: String(SPARE_PORT), HOST: "127.0.0.1", DATA_DIR: dataDir, SESSION_SECRET: secret, NODE_ENV: "production", ...env },
    detached: true,
    stdio: ["ignore", fs.openSync(path.join(dataDir, "portal.log"), "a"), fs.openSync(path.join(dataDir, "portal.log"), "a")],
  });
}

export async function waitUntilServing(): Promise<void> {
  await expect
    .poll(async () => (await fetch(`${SPARE}/login`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [250] })
    .toBe(200);
}

/** SIGKILL to the whole group: no shutdown hook runs, leases are left to expire. */
export function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}
