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
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sealData } from "iron-session";
import { api, loadTestbed, passwordLogin } from "../e2e/synapse/testbed";

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 150);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 15);
const PORT = Number(process.env.PORTAL_PORT ?? 3100) + 2; // the e2e "spare" port: never clashes with the suite's portals
const PREFIX = "bench-u";
const SEED_CONCURRENCY = 4;
const DEADLINE = Date.now() + 20 * 60_000; // bounded: give up after 20 minutes whatever happens

const tb = loadTestbed();
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(tb.baseUrl)) throw new Error(`the benchmark only talks to 127.0.0.1, not ${tb.baseUrl}`);
const server = tb.admin.userId.slice(tb.admin.userId.indexOf(":") + 1);

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function seed(token: string) {
  const count = async () =>
    (await api<{ total: number }>(`/_synapse/admin/v3/users?name=${PREFIX}&limit=0&locked=true`, { token })).body.total;
  const have = await count();
  if (have >= USERS) {
    console.log(`[bench] ${have} ${PREFIX}* users already there`);
    return;
  }
  console.log(`[bench] seeding ${USERS - have} users without passwords (~50/s)…`);
  const started = Date.now();
  let next = 0;
  let created = 0;
  const worker = async () => {
    while (next < USERS && Date.now() < DEADLINE) {
      const i = next++;
      const userId = `@${PREFIX}${String(i).padStart(5, "0")}:${server}`;
      // Idempotent: on a rerun after a partial seed, an existing user gets the same display name again (200).
      const r = await api(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { method: "PUT", token, body: { displayname: `Bench User ${i}` } });
      if (r.status !== 201 && r.status !== 200) throw new Error(`seed ${userId}: ${r.status} ${JSON.stringify(r.body)}`);
      if (++created % 1000 === 0) console.log(`[bench]   ${created} created (${((created / (Date.now() - started)) * 1000).toFixed(0)}/s)`);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  console.log(`[bench] seeded ${created} in ${((Date.now() - started) / 1000).toFixed(0)} s; ${await count()} ${PREFIX}* users`);
}

async function startPortal(secret: string): Promise<ChildProcess> {
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error("build the portal first: npx next build");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  const child = spawn("bash", ["scripts/start.sh", "--skip-build"], {
    env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", SESSION_SECRET: secret, DATA_DIR: dataDir, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/login`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the portal did not start");
}

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; body: string; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.text();
  return { ms: performance.now() - t0, body, status: res.status };
}

/** Gzipped size of every script the page loads (what a first visit transfers). */
async function pageJs(html: string, cookie: string) {
  // noModule scripts (legacy polyfills) are not loaded by the browsers the portal supports.
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]).filter((attrs) => !/\bnoModule\b/i.test(attrs));
  const srcs = [...new Set(tags.map((a) => /\bsrc="([^"]+)"/.exec(a)?.[1]).filter((x): x is string => Boolean(x)))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const buf = Buffer.from(await (await fetch(new URL(src, `http://127.0.0.1:${PORT}`), { headers: { cookie } })).arrayBuffer());
    raw += buf.length;
    gz += zlib.gzipSync(buf).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  return { files: srcs.length, raw, gz, inlineGz: zlib.gzipSync(Buffer.from(inline)).length };
}

async function main() {
  const token = await passwordLogin(tb.admin.userId, tb.admin.password);
  let portal: ChildProcess | undefined;
  try {
    await seed(token);
    const secret = crypto.randomBytes(32).toString("base64url");
    portal = await startPortal(secret);
    const sealed = await sealData(
      { userId: tb.admin.userId, accessToken: token, baseUrl: tb.baseUrl, deviceId: null, signedInAt: Date.now() },
      { password: secret, ttl: 3600 },
    );
    const cookie = `portal_session=${sealed}`;

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

    const js = await pageJs(first.body, cookie);
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
  } finally {
    if (portal?.pid) process.kill(-portal.pid, "SIGTERM");
    await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
  }
}

main().catch((e) => {
  console.error(`[bench] ${(e as Error).stack ?? e}`);
  process.exit(1);
});
