/**
 * Creating users with passwords through the portal's import worker versus a plain loop of
 * PUT /_synapse/admin/v2/users at the same concurrency, against the same Synapse in the same run.
 * Synapse hashes each password with bcrypt (~0.3 s of CPU), so its CPU is the ceiling; the worker should
 * reach ≥ 95 % of the plain loop at the best concurrency, which becomes the import's default.
 *
 *   node --conditions=react-server --import tsx bench/import-throughput.ts
 *   BENCH_USERS=500 BENCH_CONCURRENCY=1,2,4,8
 */
import { serverNameOf } from "@/lib/matrix/mxid";
import { mapPool } from "@/lib/pool";
import { benchActor, runBench, startJobRuntime, loadAverage, useThrowawayDatabase } from "./import-bench-setup";

const USERS = Number(process.env.BENCH_USERS ?? 500);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "1,2,4,8").split(",").map(Number);

async function main() {
  useThrowawayDatabase();
  await startJobRuntime();
  const { receiveImportFile } = await import("@/lib/jobs/import-upload");
  const { startImport } = await import("@/lib/jobs/import-commands");
  const { waitForImport } = await import("@/lib/jobs/import-runner");
  const { countImportRows } = await import("@/lib/db/import-rows");
  const { synapseFetch, encodeId } = await import("@/lib/synapse/client");
  const who = await benchActor();
  const hs = serverNameOf(who.actor);
  const run = Date.now().toString(36);
  const results: { c: number; direct: number; portal: number }[] = [];
  console.log(`${USERS} users with passwords per side and concurrency; load average at start ${loadAverage()}`);

  // Each measurement runs in halves, plain–portal–portal–plain, so a change in the machine's load during
  // the run (other work shares these 2 cores) affects both sides alike.
  const half = Math.floor(USERS / 2);
  let round = 0;
  const direct = async (c: number): Promise<number> => {
    const ids = Array.from({ length: half }, (_, i) => `@bench-direct-${run}-${c}-${round}-${i}:${hs}`);
    round++;
    const t = performance.now();
    await mapPool(ids, c, async (id) => {
      await synapseFetch(who.creds, `/_synapse/admin/v2/users/${encodeId(id)}`, {
        method: "PUT",
        body: { password: `pw-${id}`, displayname: id },
        timeoutMs: 120_000,
      });
    });
    return performance.now() - t;
  };
  const portal = async (c: number): Promise<number> => {
    const csv = `id,displayname,password\n${Array.from({ length: half }, (_, i) => `bench-portal-${run}-${c}-${round}-${i},User ${i},pw-${run}-${i}`).join("\n")}\n`;
    round++;
    const up = await receiveImportFile({
      actor: who.actor,
      homeserver: who.homeserver,
      serverName: hs,
      fileName: "throughput.csv",
      options: { conflict: "skip", passwords: "csv", ids: "csv", delimiter: "auto", concurrency: c, dryRun: false },
      body: (async function* () {
        yield Buffer.from(csv);
      })(),
      maxBytes: 50 * 1024 * 1024,
    });
    if (!up.ok) throw new Error(up.message);
    // Timed from the start command (credential, user list, every row) until the job has finished.
    const t = performance.now();
    await startImport(up.jobId, who);
    await waitForImport(up.jobId);
    const ms = performance.now() - t;
    const counts = await countImportRows(up.jobId);
    if (counts.created !== half) throw new Error(`the job created ${counts.created} users: ${JSON.stringify(counts)}`);
    return ms;
  };

  for (const c of LEVELS) {
    const d1 = await direct(c);
    const p1 = await portal(c);
    const p2 = await portal(c);
    const d2 = await direct(c);
    const directRate = (2 * half) / ((d1 + d2) / 1000);
    const portalRate = (2 * half) / ((p1 + p2) / 1000);
    results.push({ c, direct: directRate, portal: portalRate });
    console.log(
      `concurrency ${c}: direct ${directRate.toFixed(2)} users/s, portal ${portalRate.toFixed(2)} users/s, ratio ${(portalRate / directRate).toFixed(3)}  (load ${loadAverage()})`,
    );
  }
  const best = results.reduce((a, b) => (b.portal > a.portal ? b : a));
  console.log(`\nbest portal rate at concurrency ${best.c} (${best.portal.toFixed(2)} users/s, ratio ${(best.portal / best.direct).toFixed(3)})`);
  await (await import("@/lib/synapse/auth")).logout(who.creds);
}

runBench(main);
