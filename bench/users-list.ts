/**
 * Users list benchmark (not part of the test run). Against the test Synapse on 127.0.0.1 only:
 *
 *   1. seeds 10,000 users without passwords (bench-uNNNNN; skipped when already there),
 *   2. starts the built portal (`npx next build` first) with a sealed session for the test admin,
 *   3. times, interleaved in the same run, the users page (search + sort by last seen) against the raw
 *      Synapse list call that page makes, and reports p50/p95 and the portal's overhead,
 *   4. measures the JavaScript the users page loads, gzipped.
 *
 * Run:  SYNAPSE_PORT=18010 PORTAL_PORT=3110 node --conditions=react-server --import tsx bench/users-list.ts
 * Options (env): BENCH_USERS (10000), BENCH_ROUNDS (150), BENCH_WARMUP (15).
 */
import os from "node:os";
import { api } from "../e2e/synapse/testbed";
import { BENCH_PORTAL_PORT as PORT, BENCH_USER_PREFIX as PREFIX, localTestbed, ms, pageJs, runBench, stats, withBenchPortal } from "./portal-bench-setup";

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 150);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 15);
const DEADLINE = Date.now() + 20 * 60_000; // bounded: give up after 20 minutes whatever happens

const tb = localTestbed();

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; body: string; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.text();
  return { ms: performance.now() - t0, body, status: res.status };
}

async function main() {
  await withBenchPortal(USERS, DEADLINE, async (cookie, token) => {
    // The page and the exact Synapse call it makes for it.
    const cases = [
      { name: `search "${PREFIX}" (all ${USERS}) + sort by last seen`, page: `/users?q=${PREFIX}&sort=last_seen_ts&dir=desc`, query: `name=${PREFIX}` },
      { name: `search "${PREFIX}01" (1,000) + sort by last seen`, page: `/users?q=${PREFIX}01&sort=last_seen_ts&dir=desc`, query: `name=${PREFIX}01` },
    ];
    const first = await timed(`http://127.0.0.1:${PORT}${cases[0].page}`, { cookie });
    if (first.status !== 200 || !first.body.includes('data-testid="users-total"')) throw new Error(`users page answered ${first.status}`);
    const total = /data-testid="users-total"[^>]*>([^<]+)</.exec(first.body)?.[1];
    console.log(`[bench] users page OK: ${total}`);

    const results: Record<string, { raw: number[]; page: number[] }> = {};
    for (const c of cases) {
      const rawUrl = `${tb.baseUrl}/_synapse/admin/v3/users?${c.query}&guests=true&locked=true&order_by=last_seen_ts&dir=b&from=0&limit=50`;
      const r = (results[c.name] = { raw: [] as number[], page: [] as number[] });
      for (let i = 0; i < WARMUP + ROUNDS && Date.now() < DEADLINE; i++) {
        // Interleaved, so both see the same load from everything else on the machine.
        const a = await timed(rawUrl, { authorization: `Bearer ${token}` });
        const b = await timed(`http://127.0.0.1:${PORT}${c.page}`, { cookie });
        if (a.status !== 200 || b.status !== 200) throw new Error(`status ${a.status}/${b.status}`);
        if (i >= WARMUP) {
          r.raw.push(a.ms);
          r.page.push(b.ms);
        }
      }
    }

    // Where the overhead goes: the portal's fixed cost per page (session, token check, layout), without a list.
    const fixed = { whoami: [] as number[], shell: [] as number[] };
    for (let i = 0; i < WARMUP + ROUNDS && Date.now() < DEADLINE; i++) {
      const a = await timed(`${tb.baseUrl}/_matrix/client/v3/account/whoami`, { authorization: `Bearer ${token}` });
      const b = await timed(`http://127.0.0.1:${PORT}/users/new`, { cookie });
      if (i >= WARMUP) {
        fixed.whoami.push(a.ms);
        fixed.shell.push(b.ms);
      }
    }

    // The inactivity filter (no Synapse equivalent): a few binary-search list calls per page.
    const inactive: number[] = [];
    for (let i = 0; i < 5 + 30 && Date.now() < DEADLINE; i++) {
      const r = await timed(`http://127.0.0.1:${PORT}/users?q=${PREFIX}&inactive=30`, { cookie });
      if (r.status !== 200) throw new Error(`inactive page ${r.status}`);
      if (i >= 5) inactive.push(r.ms);
    }

    const js = await pageJs(first.body, cookie, PORT);
    const load = os.loadavg().map((n) => n.toFixed(2)).join(" ");
    console.log(`\n[bench] ${ROUNDS} rounds each after ${WARMUP} warm-up; host load average ${load} on ${os.cpus().length} cores (shared)`);
    for (const [name, r] of Object.entries(results)) {
      const raw = stats(r.raw);
      const page = stats(r.page);
      console.log(`\n  ${name}`);
      console.log(`    raw Synapse list call  p50 ${ms(raw.p50)}  p95 ${ms(raw.p95)}`);
      console.log(`    portal users page      p50 ${ms(page.p50)}  p95 ${ms(page.p95)}`);
      console.log(`    portal overhead        p50 ${ms(page.p50 - raw.p50)}  p95 ${ms(page.p95 - raw.p95)}  (target ≤ 30 ms at p50)`);
    }
    const w = stats(fixed.whoami);
    const sh = stats(fixed.shell);
    console.log(`\n  fixed cost: Synapse whoami p50 ${ms(w.p50)} p95 ${ms(w.p95)}; a portal page without a list (/users/new) p50 ${ms(sh.p50)} p95 ${ms(sh.p95)}`);
    const ina = stats(inactive);
    console.log(`  "inactive for 30 days" page over the ${USERS} users (30 rounds): p50 ${ms(ina.p50)} p95 ${ms(ina.p95)}`);
    console.log(`  users page HTML: ${(Buffer.byteLength(first.body) / 1024).toFixed(1)} KB for 50 rows`);
    console.log(`\n  users page JavaScript: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KB raw, ${(js.gz / 1024).toFixed(1)} KB gzip (target ≤ 150 KB)`);
    console.log(`  plus inline RSC payload in the HTML: ${(js.inlineGz / 1024).toFixed(1)} KB gzip`);
  });
}

runBench(main);
