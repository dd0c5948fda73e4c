import "server-only";
import net from "node:net";
import { disconnectDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
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
 * stop accepting connections, stop claiming jobs, let every run here finish the rows in flight (for up to
 * SHUTDOWN_GRACE_MS), give their leases back so another instance continues at once, then exit. A run still
 * busy then keeps its lease until it expires; its rows' states are recorded (a row is marked in flight
 * before its Synapse call), and the next owner looks in-flight rows up on Synapse before any retry.
 */
async function shutdown(signal: string): Promise<void> {
  if (g.portalShuttingDown) return;
  g.portalShuttingDown = true;
  const graceMs = getEnv().SHUTDOWN_GRACE_MS;
  for (const server of listeningServers()) {
    server.close();
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  }
  console.log(`[portal] ${signal}: not accepting connections; stopping jobs after their steps in flight (up to ${graceMs} ms)`);
  const finished = await jobRuntime().stop(graceMs);
  if (!finished) console.log("[portal] jobs still running keep their lease until it expires; another instance (or the next start) takes them over");
  await disconnectDb().catch(() => undefined);
  process.exit(0);
}

export function installShutdownHandler(): void {
  if (!getEnv().NEXT_MANUAL_SIG_HANDLE) return; // Next's own handler is in charge
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdown(signal));
}
