/**
 * Imports of users with passwords on one portal instance versus two sharing one PostgreSQL. One job is
 * driven by one lease holder at a time, so two instances do not split a job: "sharing" is takeover
 * readiness. What is measured, each against the same test Synapse (whose bcrypt hashing is the ceiling):
 *   1. one instance, one job of N users;
 *   2. two instances, one job of N (the second one only stands by);
 *   3. two instances, two jobs of N/2 (one job each: the work is split by jobs);
 *   4. two instances, one job of N, its owner SIGKILLed at 40 %: the other takes it over after the lease;
 *   and, for the ceiling, a plain loop of PUT /_synapse/admin/v2/users at the same concurrency.
 * Every job is checked: each user created exactly once (no row "updated", Synapse holds N users).
 *
 *   SYNAPSE_PORT=… node --conditions=react-server --import tsx bench/import-two-instances.ts
 *   BENCH_USERS=500 BENCH_CONCURRENCY=4 BENCH_LEASE_MS=5000 BENCH_CASES=plain,one,standby,split,kill
 */
import { api, adminToken } from "../e2e/synapse/testbed";
import { serverNameOf } from "@/lib/matrix/mxid";
import { mapPool, sleep } from "@/lib/pool";
import { benchActor, loadAverage, runBench } from "./import-bench-setup";
import { startInstance, stopAll, tearDown, uploadNewUsers, usePostgres, type BenchInstance } from "./instances";

const USERS = Number(process.env.BENCH_USERS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const LEASE_MS = process.env.BENCH_LEASE_MS ?? "5000";
// One job per instance at a time, so two jobs land on two instances.
const CASES = (process.env.BENCH_CASES ?? "plain,one,standby,split,kill").split(",");
const ENV = { JOB_LEASE_MS: LEASE_MS, JOB_POLL_MS: "200", JOB_CONCURRENCY: "1" };

async function main() {
  const pg = usePostgres();
  const { startImport } = await import("@/lib/jobs/import-commands");
  const { getImportJob } = await import("@/lib/db/import-jobs");
  const { countImportRows } = await import("@/lib/db/import-rows");
  const { synapseFetch, encodeId } = await import("@/lib/synapse/client");
  const who = await benchActor();
  const hs = serverNameOf(who.actor);
  const run = Date.now().toString(36);
  let instances: BenchInstance[] = [];
  const owner = (jobId: number) => pg.psql(pg.db, `SELECT coalesce(owner, '') FROM "ImportJob" WHERE id = ${jobId}`);

  const upload = (prefix: string, n: number) => uploadNewUsers(who, prefix, n, CONCURRENCY);
  const finished = async (jobId: number) => {
    for (;;) {
      const j = await getImportJob(jobId);
      if (j && !["queued", "running", "cancelling"].includes(j.status)) return j.status;
      await sleep(100);
    }
  };
  /** Each user of the job created once: no row updated or failed, and Synapse holds exactly n of them. */
  const checkOnce = async (jobId: number, prefix: string, n: number) => {
    const c = await countImportRows(jobId);
    const r = await api<{ total: number }>(`/_synapse/admin/v2/users?user_id=${encodeURIComponent(`${prefix}-`)}&limit=1&deactivated=true`, { token: await adminToken() });
    if (c.created !== n || c.updated || c.failed || r.body.total !== n) throw new Error(`job ${jobId}: ${JSON.stringify(c)}, Synapse holds ${r.body.total}`);
  };
  const instancesOf = async (n: number) => {
    await stopAll(instances);
    instances = [];
    for (let i = 0; i < n; i++) instances.push(await startInstance(`bench-${run}-${i}`, ENV));
    return instances;
  };
  const scenario = async (name: string, n: number, jobs: number, kill?: number) => {
    const ids: number[] = [];
    const prefixes: string[] = [];
    for (let j = 0; j < jobs; j++) {
      // Localparts are lower case.
      prefixes.push(`b2i-${run}-${ids.length}-${name.toLowerCase().replace(/[^a-z0-9]+/g, "")}`);
      ids.push(await upload(prefixes[j], n / jobs));
    }
    const t0 = performance.now();
    for (const id of ids) await startImport(id, who);
    let takeoverMs: number | null = null;
    if (kill !== undefined) {
      const target = Math.floor(n * kill);
      while (((await countImportRows(ids[0])).created ?? 0) < target) await sleep(50);
      const victim = instances.find((i) => i.name === owner(ids[0]))!;
      victim.child.kill("SIGKILL");
      const killedAt = performance.now();
      // Until the other instance holds the lease.
      while (["", victim.name].includes(owner(ids[0]))) await sleep(20);
      takeoverMs = performance.now() - killedAt;
    }
    const statuses = await Promise.all(ids.map(finished));
    const ms = performance.now() - t0;
    for (let j = 0; j < jobs; j++) await checkOnce(ids[j], prefixes[j], n / jobs);
    const confirmed = Number(pg.psql(pg.db, `SELECT count(*) FROM "ImportRow" WHERE "jobId" IN (${ids.join(",")}) AND reason = 'confirmed on the homeserver after a restart'`));
    console.log(
      `${name.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${((n / ms) * 1000).toFixed(1).padStart(5)} users/s  ${statuses.join(",")}` +
        (takeoverMs !== null ? `  (taken over ${(takeoverMs / 1000).toFixed(1)} s after the kill; ${confirmed} in-flight rows confirmed on Synapse, 0 done twice)` : "  (0 done twice)"),
    );
  };
  const plainLoop = async (n: number) => {
    const users = Array.from({ length: n }, (_, i) => `@b2i-${run}-plain-${i}:${hs}`);
    const t = performance.now();
    await mapPool(users, CONCURRENCY, async (id) => {
      await synapseFetch(who.creds, `/_synapse/admin/v2/users/${encodeId(id)}`, { method: "PUT", body: { password: `pw-${id}-${run}`, displayname: id }, timeoutMs: 120_000 });
    });
    const ms = performance.now() - t;
    console.log(`${"plain PUT loop (the ceiling)".padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${((n / ms) * 1000).toFixed(1).padStart(5)} users/s`);
  };

  console.log(`${USERS} users with generated passwords per case, row concurrency ${CONCURRENCY}, lease ${LEASE_MS} ms; PostgreSQL; load average ${loadAverage()}`);
  try {
    if (CASES.includes("plain")) await plainLoop(USERS);
    if (CASES.includes("one")) await instancesOf(1).then(() => scenario("1 instance, 1 job", USERS, 1));
    if (CASES.includes("standby")) await instancesOf(2).then(() => scenario("2 instances, 1 job (one drives, one stands by)", USERS, 1));
    if (CASES.includes("split")) await instancesOf(2).then(() => scenario("2 instances, 2 jobs of half", USERS, 2));
    if (CASES.includes("kill")) await instancesOf(2).then(() => scenario("2 instances, 1 job, owner SIGKILLed at 40 %", USERS, 1, 0.4));
    console.log(`load average at the end ${loadAverage()}`);
  } finally {
    await tearDown(instances, pg, who);
  }
}

runBench(main);
