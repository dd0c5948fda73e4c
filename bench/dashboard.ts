/**
 * Dashboard benchmark (not part of the test run). Against the test Synapse on 127.0.0.1 only:
 *
 *   1. seeds 10,000 users without passwords (bench-uNNNNN, as bench/users-list.ts does; skipped when there),
 *   2. starts the built portal (`npx next build` first) with a sealed session for the test admin,
 *   3. waits until the user activity snapshot exists (the first view enqueues its job, which reads every user),
 *   4. times the dashboard: time to the first byte and to the whole document, p50/p95 over the rounds,
 *   5. checks the page shows the figures (this month's registrations, active users).
 *
 * Run:  SYNAPSE_PORT=18010 PORTAL_PORT=3110 node --conditions=react-server --import tsx bench/dashboard.ts
 * Options (env): BENCH_USERS (10000), BENCH_ROUNDS (60), BENCH_WARMUP (5). Target: ≤ 150 ms p50.
 */
import os from "node:os";
import { api } from "../e2e/synapse/testbed";
import { BENCH_PORTAL_PORT as PORT, ms, runBench, stats, withBenchPortal } from "./portal-bench-setup";

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const DEADLINE = Date.now() + 25 * 60_000; // bounded: give up after 25 minutes whatever happens

const show = (xs: number[]) => {
  const s = stats(xs);
  return `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`;
};

/** Time to the first byte of the body and to its end (the streamed part included). */
async function timeDashboard(cookie: string): Promise<{ ttfb: number; full: number; html: string }> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORT}/`, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200 || !res.body) throw new Error(`dashboard answered ${res.status}`);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let ttfb = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!ttfb) ttfb = performance.now() - t0;
    chunks.push(value);
  }
  return { ttfb, full: performance.now() - t0, html: Buffer.concat(chunks).toString("utf8") };
}

async function main() {
  await withBenchPortal(USERS, DEADLINE, async (cookie, token) => {
    // The first view asks for the snapshot; time the page once it is stored (as every later view finds it).
    let first = await timeDashboard(cookie);
    const t0 = performance.now();
    while (!first.html.includes('data-testid="activity-as-of"') || first.html.includes('aria-busy="true"')) {
      if (Date.now() > DEADLINE) throw new Error("the activity snapshot never arrived");
      await new Promise((r) => setTimeout(r, 250));
      first = await timeDashboard(cookie);
    }
    console.log(`[bench] activity snapshot stored ${ms(performance.now() - t0)} after the first view`);
    for (const id of ["stat-users", "stat-active-30d", "registrations-table", "stat-failing-destinations"]) {
      if (!first.html.includes(`data-testid="${id}"`)) throw new Error(`the dashboard has no ${id}`);
    }
    const ttfb: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < WARMUP + ROUNDS && Date.now() < DEADLINE; i++) {
      const r = await timeDashboard(cookie);
      if (i >= WARMUP) (ttfb.push(r.ttfb), full.push(r.full));
    }
    const users = (await api<{ total: number }>("/_synapse/admin/v3/users?limit=0&locked=true", { token })).body.total;
    console.log(`\n[bench] dashboard over ${users} users, ${full.length} rounds after ${WARMUP} warm-up; load ${os.loadavg().map((n) => n.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
    console.log(`  first byte                           ${show(ttfb)}`);
    console.log(`  whole page                           ${show(full)}   (target ≤ 150 ms p50)`);
  });
}

runBench(main);
