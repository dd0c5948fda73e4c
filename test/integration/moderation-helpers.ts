// Shared by the moderation job tests: a runtime standing for a portal instance, the admin as a job owner,
// and waiting for a job to end.
import { getJob, type JobRecord } from "@/lib/db/jobs";
import { jobDriver } from "@/lib/jobs/job-driver";
import { JobRuntime } from "@/lib/jobs/runtime";
import { sleep } from "@/lib/pool";
import { adminToken, api, loadTestbed, randomSuffix } from "../../e2e/synapse/testbed";

export type Owner = { creds: { baseUrl: string; accessToken: string }; actor: string; homeserver: string };

export async function adminOwner(): Promise<Owner> {
  const token = await adminToken();
  const actor = (await api<{ user_id: string }>("/_matrix/client/v3/account/whoami", { token })).body.user_id;
  const baseUrl = loadTestbed().baseUrl;
  return { creds: { baseUrl, accessToken: token }, actor, homeserver: baseUrl };
}

/** Started runtimes go into `list`, so the test file can stop them (and a takeover test can stop them first). */
export function startRuntime(list: JobRuntime[]): JobRuntime {
  const rt = new JobRuntime({ instanceId: `it-${randomSuffix()}`, leaseMs: 1500, heartbeatMs: 300, pollMs: 200, concurrency: 2 }).register(jobDriver).start();
  list.push(rt);
  return rt;
}

export async function jobEnded(id: number, ms = 40_000): Promise<JobRecord> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(150)) {
    const j = await getJob(id);
    if (j && ["completed", "failed", "cancelled", "stopped", "paused"].includes(j.status)) return j;
  }
  throw new Error(`job ${id} did not end`);
}
