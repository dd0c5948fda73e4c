/**
 * Lease takeover between two instances on one PostgreSQL: the instance driving an import is SIGKILLed
 * (or sent SIGTERM) mid-import, and we measure the time until the other instance holds the lease and until
 * it records its first row, then check that no row was done twice (every user created once on Synapse,
 * no row "updated", one user.create audit entry per user).
 *
 *   SYNAPSE_PORT=… node --conditions=react-server --import tsx bench/lease-takeover.ts
 *   BENCH_ROUNDS=3 BENCH_USERS=80 BENCH_LEASE_MS=5000 BENCH_POLL_MS=500
 */
import { api, adminToken } from "../e2e/synapse/testbed";
import { sleep } from "@/lib/pool";
import { benchActor, loadAverage, runBench } from "./import-bench-setup";
import { startInstance, tearDown, uploadNewUsers, usePostgres, type BenchInstance } from "./instances";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const USERS = Number(process.env.BENCH_USERS ?? 80);
const LEASE_MS = Number(process.env.BENCH_LEASE_MS ?? 5000);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 500);
const ENV = { JOB_LEASE_MS: String(LEASE_MS), JOB_POLL_MS: String(POLL_MS), SHUTDOWN_GRACE_MS: "20000" };

async function main() {
  const pg = usePostgres();
  const { startImport } = await import("@/lib/jobs/import-commands");
  const { countImportRows } = await import("@/lib/db/import-rows");
  const who = await benchActor();
  const run = Date.now().toString(36);
  const sql = (q: string) => pg.psql(pg.db, q);
  const instances: BenchInstance[] = [await startInstance(`a-${run}`, ENV), await startInstance(`b-${run}`, ENV)];

  const round = async (signal: "SIGKILL" | "SIGTERM", r: number) => {
    const prefix = `lt-${run}-${signal.toLowerCase()}-${r}`;
    const id = await uploadNewUsers(who, prefix, USERS, 4);
    await startImport(id, who);
    while (((await countImportRows(id)).created ?? 0) < USERS / 4) await sleep(20);
    const owner = sql(`SELECT owner FROM "ImportJob" WHERE id = ${id}`);
    const victim = instances.find((i) => i.name === owner)!;
    const inFlight = Number(sql(`SELECT count(*) FROM "ImportRow" WHERE "jobId" = ${id} AND status = 'in-flight'`));
    const t0 = performance.now();
    const exitedAtMs = victim.exited.then(() => performance.now());
    victim.child.kill(signal);
    while (["", owner].includes(sql(`SELECT coalesce(owner, '') FROM "ImportJob" WHERE id = ${id}`))) await sleep(10);
    const claimedAt = performance.now();
    const claimMs = claimedAt - t0;
    // The first row the new owner records (rows the old owner finished while stopping came before its exit).
    await victim.exited;
    const exitedAt = new Date().toISOString();
    while (Number(sql(`SELECT count(*) FROM "ImportRow" WHERE "jobId" = ${id} AND "finishedAt" > '${exitedAt}'`)) === 0) await sleep(10);
    const continueMs = performance.now() - t0;
    const exitMs = (await exitedAtMs) - t0;
    while (["queued", "running", "cancelling"].includes(sql(`SELECT status FROM "ImportJob" WHERE id = ${id}`))) await sleep(100);
    const c = await countImportRows(id);
    const total = (await api<{ total: number }>(`/_synapse/admin/v2/users?user_id=${encodeURIComponent(`${prefix}-`)}&limit=1&deactivated=true`, { token: await adminToken() })).body.total;
    const twiceAudited = Number(sql(`SELECT count(*) FROM (SELECT target FROM "AuditEntry" WHERE action = 'user.create' AND target LIKE '@${prefix}-%' GROUP BY target HAVING count(*) > 1) t`));
    const doneTwice = (c.updated ?? 0) + twiceAudited + Math.max(0, total - USERS);
    const confirmed = Number(sql(`SELECT count(*) FROM "ImportRow" WHERE "jobId" = ${id} AND reason = 'confirmed on the homeserver after a restart'`));
    console.log(
      `${signal} round ${r + 1}: old owner gone ${(exitMs / 1000).toFixed(2)} s after the signal, lease taken over after ${(claimMs / 1000).toFixed(2)} s, first row by the new owner after ${(continueMs / 1000).toFixed(2)} s; ` +
        `${inFlight} rows in flight at the signal, ${confirmed} confirmed on Synapse by the new owner; created ${c.created}/${USERS}, Synapse holds ${total}; rows done twice: ${doneTwice}`,
    );
    if (c.created !== USERS || total !== USERS || doneTwice !== 0) throw new Error(`round ${r + 1}: ${JSON.stringify(c)}`);
    // Back to two instances for the next round.
    instances.splice(instances.indexOf(victim), 1, await startInstance(`${victim.name}-${r}`, ENV));
  };

  console.log(`${USERS} users with generated passwords per round; lease ${LEASE_MS} ms, poll ${POLL_MS} ms; PostgreSQL; load average ${loadAverage()}`);
  try {
    for (let r = 0; r < ROUNDS; r++) await round("SIGKILL", r);
    for (let r = 0; r < ROUNDS; r++) await round("SIGTERM", r);
    console.log(`load average at the end ${loadAverage()}`);
  } finally {
    await tearDown(instances, pg, who);
  }
}

runBench(main);
