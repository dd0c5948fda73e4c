/**
 * The one job runtime. Every instance of the portal runs one: it claims jobs from the database with a
 * lease (lib/db/leases.ts), runs at most JOB_CONCURRENCY of them at once, renews each lease by heartbeat,
 * and stops a run the moment its lease is lost. Cancelling goes through the database too (any instance
 * can ask, the owner sees it within a second). Jobs left by an instance that died are taken over by
 * whichever instance is up once their lease expires; on SIGTERM an instance stops claiming, lets its runs
 * finish the step in flight, and gives their leases back so another instance continues at once.
 *
 * Two tables are driven: "job" (every kind but the import, dispatched by kind to lib/jobs/kinds) and
 * "importJob" (the CSV import, which keeps its own record and rows).
 */
import "server-only";
import crypto from "node:crypto";
import os from "node:os";
import { claimNext, leaseState, releaseLease, renewLease, type Lease, type LeaseTable } from "@/lib/db/leases";
import { getEnv } from "@/lib/env";

/** Statuses in which a job wants an owner. */
export const ACTIVE_STATUSES = ["queued", "running", "cancelling"];

export type StopReason = "cancel" | "lease-lost" | "shutdown";

/** What a driver gets with its lease: a signal aborted (with the reason) on cancel, lease loss or shutdown. */
export type RunControl = {
  lease: Lease;
  signal: AbortSignal;
  /** Why the signal fired, or null while the run may go on. */
  stopReason(): StopReason | null;
};

export type Driver = {
  table: LeaseTable;
  /** Job kinds this instance can run (the "job" table); the claim skips others. */
  kinds?: () => string[];
  run(ctl: RunControl): Promise<void>;
};

export type RuntimeOptions = { instanceId: string; leaseMs: number; heartbeatMs: number; pollMs: number; concurrency: number };

type Run = { ctl: RunControl; abort: (r: StopReason) => void; done: Promise<void> };

export class JobRuntime {
  readonly options: RuntimeOptions;
  private readonly drivers = new Map<LeaseTable, Driver>();
  private readonly runs = new Map<string, Run>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | null = null;
  private again = false;
  private stopping = false;
  private lastTickOk = 0;

  constructor(options: RuntimeOptions) {
    this.options = options;
  }

  register(driver: Driver): this {
    this.drivers.set(driver.table, driver);
    return this;
  }

  start(): this {
    if (this.timer || this.stopping) return this;
    this.timer = setInterval(() => this.poke(), this.options.pollMs);
    this.timer.unref();
    this.poke();
    return this;
  }

  /** Looks for claimable jobs now (a new job is started without waiting for the next poll). */
  poke(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick()
      .catch((e) => console.error("[portal] job runtime: claiming failed:", e instanceof Error ? e.message : e))
      .finally(() => {
        this.ticking = null;
        if (this.again) (this.again = false), this.poke();
      });
  }

  /** Alive: the last claim round ran within a few poll intervals (health check). */
  isAlive(): boolean {
    return !this.stopping && this.timer !== undefined && Date.now() - this.lastTickOk < Math.max(3 * this.options.pollMs, 15_000);
  }

  /** Ids of the jobs of `table` this instance runs now. */
  running(table: LeaseTable): number[] {
    return [...this.runs.values()].filter((r) => r.ctl.lease.table === table).map((r) => r.ctl.lease.id);
  }

  /** Resolves when this instance no longer runs that job (at once if it does not). */
  settled(table: LeaseTable, id: number): Promise<void> {
    return this.runs.get(`${table}:${id}`)?.done ?? Promise.resolve();
  }

  private async tick(): Promise<void> {
    for (const driver of this.drivers.values()) {
      while (!this.stopping && this.runs.size < this.options.concurrency) {
        const lease = await claimNext({
          table: driver.table,
          statuses: ACTIVE_STATUSES,
          kinds: driver.kinds?.(),
          skip: this.running(driver.table),
          owner: this.options.instanceId,
          leaseMs: this.options.leaseMs,
        });
        if (!lease) break;
        this.launch(driver, lease);
      }
    }
    this.lastTickOk = Date.now();
  }

  private launch(driver: Driver, lease: Lease): void {
    const key = `${lease.table}:${lease.id}`;
    const ac = new AbortController();
    let reason: StopReason | null = null;
    const abort = (r: StopReason) => {
      if (reason === "lease-lost" || reason === "shutdown") return; // the stronger reason stays
      reason = r;
      ac.abort(new JobStopped(r));
    };
    const ctl: RunControl = { lease, signal: ac.signal, stopReason: () => reason };
    const watch = this.watch(lease, abort);
    const done = (async () => {
      try {
        await driver.run(ctl);
      } catch (e) {
        if (!(e instanceof JobStopped)) console.error(`[portal] job runtime: ${key} failed:`, e instanceof Error ? e.stack : e);
      } finally {
        clearInterval(watch);
        // A lost lease is someone else's now; otherwise give it back so any instance can go on at once.
        if (reason !== "lease-lost") await releaseLease(lease).catch(() => undefined);
        this.runs.delete(key);
        this.poke();
      }
    })();
    this.runs.set(key, { ctl, abort, done });
  }

  /** Every second: lease still ours, cancel asked? Every heartbeat: renew. */
  private watch(lease: Lease, abort: (r: StopReason) => void): NodeJS.Timeout {
    let lastRenew = Date.now();
    let busy = false;
    const t = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        if (Date.now() - lastRenew >= this.options.heartbeatMs) {
          if (!(await renewLease(lease, this.options.leaseMs))) return abort("lease-lost");
          lastRenew = Date.now();
        }
        const s = await leaseState(lease.table, lease.id);
        if (!s || s.fence !== lease.fence) return abort("lease-lost");
        if (s.cancelRequested) abort("cancel");
      } catch {
        // The database is unreachable: keep trying; if the lease expires meanwhile, the fence stops our writes.
      } finally {
        busy = false;
      }
    }, Math.min(1000, this.options.heartbeatMs));
    t.unref();
    return t;
  }

  /**
   * Stops claiming and asks every run to stop after the step in flight; waits up to `graceMs` for them.
   * Runs that ended gave their lease back; the others keep it until it expires (the process is going).
   */
  async stop(graceMs: number): Promise<boolean> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    const runs = [...this.runs.values()];
    for (const r of runs) r.abort("shutdown");
    let timer: NodeJS.Timeout | undefined;
    const all = await Promise.race([
      Promise.all(runs.map((r) => r.done)).then(() => true),
      new Promise<false>((res) => (timer = setTimeout(() => res(false), graceMs))),
    ]);
    clearTimeout(timer);
    await this.ticking;
    return all;
  }

  /** Test aid: vanish like a killed process (no release, no more heartbeats); runs still in memory are fenced off. */
  kill(): void {
    this.stopping = true;
    clearInterval(this.timer);
    for (const r of this.runs.values()) r.abort("lease-lost");
  }
}

/** The abort reason of a run's signal. */
export class JobStopped extends Error {
  readonly name = "JobStopped";
  constructor(readonly reason: StopReason) {
    super(`job stopped: ${reason}`);
  }
}

export function defaultRuntimeOptions(): RuntimeOptions {
  const env = getEnv();
  return {
    instanceId: env.PORTAL_INSTANCE_ID ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`,
    leaseMs: env.JOB_LEASE_MS,
    // At most half the lease, so one late heartbeat does not lose it.
    heartbeatMs: Math.min(env.JOB_HEARTBEAT_MS ?? Math.floor(env.JOB_LEASE_MS / 3), Math.floor(env.JOB_LEASE_MS / 2)),
    pollMs: env.JOB_POLL_MS,
    concurrency: env.JOB_CONCURRENCY,
  };
}

// One runtime per process (on globalThis: Next may load this module more than once).
const KEY = Symbol.for("synapse-portal.job-runtime");
export function jobRuntime(): JobRuntime {
  const g = globalThis as unknown as Record<symbol, JobRuntime | undefined>;
  return (g[KEY] ??= new JobRuntime(defaultRuntimeOptions()));
}
