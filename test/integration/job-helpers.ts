// Runtimes of the job runtime for integration tests: each stands for a portal instance (short leases).
import { after } from "node:test";
import { getJob, type JobRecord } from "@/lib/db/jobs";
import { jobDriver } from "@/lib/jobs/job-driver";
import { registerJobKinds } from "@/lib/jobs/kinds";
import { JobRuntime } from "@/lib/jobs/runtime";
import { sleep } from "@/lib/pool";
import { randomSuffix } from "../../e2e/synapse/testbed";

registerJobKinds();
const runtimes: JobRuntime[] = [];
after(async () => {
  for (const rt of runtimes) await rt.stop(5000);
});

export function testRuntime(name: string): JobRuntime {
  const rt = new JobRuntime({ instanceId: `${name}-${randomSuffix()}`, leaseMs: 1500, heartbeatMs: 300, pollMs: 200, concurrency: 4 }).register(jobDriver);
  runtimes.push(rt);
  return rt;
}

export async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const v = await f();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until the job has ended (or paused) and returns it. */
export function ended(id: number): Promise<JobRecord> {
  return until(`job ${id} ended`, async () => {
    const j = await getJob(id);
    return j && ["completed", "cancelled", "stopped", "failed", "paused"].includes(j.status) ? j : null;
  });
}
