// Shared by the import benchmarks: a throwaway, migrated portal database, the test Synapse's admin, and
// peak-memory sampling. Benchmarks talk only to the local test Synapse (127.0.0.1).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { loadTestbed, passwordLogin } from "../e2e/synapse/testbed";
import type { JobActor } from "@/lib/jobs/import-commands";
import { serverNameOf } from "@/lib/matrix/mxid";

/** Must run before anything opens the database (the portal reads DATA_DIR on first use). */
export function useThrowawayDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-import-bench-"));
  process.env.DATA_DIR = dir;
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATA_DIR: dir } });
  return dir;
}

/** This process's job runtime, started as instrumentation.ts starts it in the portal: it claims and runs the imports. */
export async function startJobRuntime(): Promise<void> {
  (await import("@/lib/jobs/boot")).startJobRuntime();
}

export async function benchActor(): Promise<JobActor> {
  const tb = loadTestbed();
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(tb.baseUrl)) throw new Error(`benchmarks only run against a local Synapse, not ${tb.baseUrl}`);
  const accessToken = await passwordLogin(tb.admin.userId, tb.admin.password);
  return { creds: { baseUrl: tb.baseUrl, accessToken }, actor: tb.admin.userId, homeserver: tb.baseUrl };
}

/**
 * The start of an import benchmark: the throwaway database first, then this process's job runtime and the
 * import's modules (they open it on first use), the test Synapse's admin and its server name.
 */
export async function startImportBench() {
  useThrowawayDatabase();
  await startJobRuntime();
  const { receiveImportFile } = await import("@/lib/jobs/import-upload");
  const { startImport } = await import("@/lib/jobs/import-commands");
  const { waitForImport } = await import("@/lib/jobs/import-runner");
  const { countImportRows } = await import("@/lib/db/import-rows");
  const who = await benchActor();
  return { receiveImportFile, startImport, waitForImport, countImportRows, who, hs: serverNameOf(who.actor) };
}

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Samples the process's resident memory every 20 ms; `stop` returns the peak above the baseline in MB. */
export function rssMeter(): { stop: () => number; peekMb: () => number; baselineMb: number } {
  gc();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return {
    baselineMb: baseline / 1048576,
    peekMb: () => (peak - baseline) / 1048576,
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return (peak - baseline) / 1048576;
    },
  };
}

export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(1)).join(" / ");
}

/** Runs a benchmark's main and exits (the worker's timers must not keep the process alive). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
