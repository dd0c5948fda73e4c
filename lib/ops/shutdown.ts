import "server-only";
import net from "node:net";
import { disconnectDb } from "@/lib/db/client";
import { importJobsInStatus } from "@/lib/db/import-jobs";
import { getEnv } from "@/lib/env";
import { waitForImport } from "@/lib/jobs/import-runner";
import { jobRuntime } from "@/lib/jobs/runtime";

const g = globalThis as unknown as { portalShuttingDown?: boolean };

export function isShuttingDown(): boolean {
  return g.portalShuttingDown === true;
}

// Next.js creates its HTTP server without exposing it; with its signal handler off, find it among the handles.
function listeningServers(): net.Server[] {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((h): h is net.Server => h instanceof net.Server && h.listening);
}

/**
 * SIGTERM with NEXT_MANUAL_SIG_HANDLE=true (Next's own handler exits as soon as HTTP drains, killing jobs):
 * stop accepting connections, let import jobs running here go on for up to SHUTDOWN_GRACE_MS, then exit.
 * A job still running then keeps its rows' states (a row in flight is marked so before its Synapse call),
 * and the next start resumes it and looks in-flight rows up on Synapse before any retry.
 */
async function shutdown(signal: string): Promise<void> {
  if (g.portalShuttingDown) return;
  g.portalShuttingDown = true;
  const graceMs = getEnv().SHUTDOWN_GRACE_MS;
  for (const server of listeningServers()) {
    server.close();
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  }
  const jobs = await importJobsInStatus(["queued", "running", "cancelling"]).catch(() => []);
  console.log(`[portal] ${signal}: not accepting connections; waiting up to ${graceMs} ms for running jobs`);
  let timer: NodeJS.Timeout | undefined;
  const [finished] = await Promise.all([
    // Runs stop after the step in flight and give their leases back: another instance goes on at once.
    jobRuntime().stop(graceMs),
    Promise.race([
      Promise.all(jobs.map((j) => waitForImport(j.id))).then(() => true),
      new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs))),
    ]),
  ]);
  clearTimeout(timer);
  if (!finished) console.log("[portal] jobs still running keep their lease until it expires; another instance (or the next start) takes them over");
  await disconnectDb().catch(() => undefined);
  process.exit(0);
}

export function installShutdownHandler(): void {
  if (!getEnv().NEXT_MANUAL_SIG_HANDLE) return; // Next's own handler is in charge
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdown(signal));
}
