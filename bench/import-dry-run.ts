/**
 * Dry run of a 100,000-row file against a Synapse holding 10,000 matching users (target: ≤ 10 s, ≤ 100 MB
 * peak RSS growth). Measures the upload (stream, validate, store) and the dry run (one pass over the user
 * list, a decision per row, outcomes written in batches) in the portal's own code.
 *
 *   node --conditions=react-server --import tsx bench/import-dry-run.ts
 *   BENCH_ROWS=100000 BENCH_EXISTING=10000 (the portal database runs in WAL mode, lib/db/client.ts)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { mapPool } from "@/lib/pool";
import { runBench, loadAverage, rssMeter, startImportBench } from "./import-bench-setup";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const EXISTING = Number(process.env.BENCH_EXISTING ?? 10_000);

async function main() {
  const { receiveImportFile, startImport, waitForImport, countImportRows, who, hs } = await startImportBench();
  const { getImportJob } = await import("@/lib/db/import-jobs");
  const { putImportUser, snapshotUsers } = await import("@/lib/synapse/import-users");

  // The 10,000 existing users (made once; later runs reuse them).
  const snap = await snapshotUsers(who.creds, () => false);
  const missing: number[] = [];
  for (let i = 0; i < EXISTING; i++) if (!snap.ids.has(`@bench-dry-${i}:${hs}`)) missing.push(i);
  if (missing.length > 0) {
    console.log(`creating ${missing.length} users on Synapse (without passwords)…`);
    const t = Date.now();
    await mapPool(missing, 8, async (i) => {
      await putImportUser(who.creds, `@bench-dry-${i}:${hs}`, { displayname: `Bench Dry ${i}` });
    });
    console.log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  console.log(`Synapse holds ${snap.ids.size + missing.length} users`);

  // Every tenth row names an existing user (half of them with a new display name); the rest are new.
  const file = path.join(os.tmpdir(), `bench-import-${process.pid}.csv`);
  const out = fs.createWriteStream(file);
  out.write("id,displayname,password,admin\n");
  const run = Date.now().toString(36);
  for (let i = 0; i < ROWS; i++) {
    const j = i / 10;
    const line = i % 10 === 0 && j < EXISTING ? `bench-dry-${j},Bench Dry ${j}${j % 2 ? " (renamed)" : ""},,false\n` : `bench-new-${run}-${i},Bench New ${i},pw-${i}-${run},false\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const bytes = fs.statSync(file).size;

  console.log(`\n${ROWS} rows (${(bytes / 1048576).toFixed(1)} MB), ${Math.min(EXISTING, Math.ceil(ROWS / 10))} of them existing users; load average ${loadAverage()}`);
  // A running portal has its database client loaded already: warm it up so the baseline is comparable.
  await getImportJob(0);
  const mem = rssMeter();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const up = await receiveImportFile({
    actor: who.actor,
    homeserver: who.homeserver,
    serverName: hs,
    fileName: "bench.csv",
    options: { conflict: "update", passwords: "csv", ids: "csv", delimiter: "auto", concurrency: 4, dryRun: true },
    body: fs.createReadStream(file, { highWaterMark: 64 * 1024 }),
    maxBytes: 50 * 1024 * 1024,
  });
  if (!up.ok) throw new Error(up.message);
  const t1 = performance.now();
  const uploadGrowth = mem.peekMb();
  await startImport(up.jobId, who);
  await waitForImport(up.jobId);
  const t2 = performance.now();
  const growth = mem.stop();
  const cpu = process.cpuUsage(cpu0);
  const job = await getImportJob(up.jobId);
  const counts = await countImportRows(up.jobId);
  fs.rmSync(file);

  console.log(`upload (stream, validate, store):   ${((t1 - t0) / 1000).toFixed(1)} s`);
  console.log(`dry run (user list + every row):    ${((t2 - t1) / 1000).toFixed(1)} s`);
  console.log(`total wall time:                    ${((t2 - t0) / 1000).toFixed(1)} s   (target ≤ 10 s)`);
  console.log(`portal CPU time (user + system):    ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s  (what the wall time would be on a quiet core)`);
  console.log(`peak RSS growth:                    ${growth.toFixed(0)} MB  (${uploadGrowth.toFixed(0)} MB by the end of the upload; baseline ${mem.baselineMb.toFixed(0)} MB; target ≤ 100 MB)`);
  console.log(`job ${job?.status}; outcomes ${JSON.stringify(counts)}; load average ${loadAverage()}`);
  await (await import("@/lib/synapse/auth")).logout(who.creds);
}

runBench(main);
