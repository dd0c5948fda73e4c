/**
 * Cold load of the users list in Chromium, this checkout against another one (before/after a change such as the
 * i18n layer). Not part of the test run. Against the test Synapse on 127.0.0.1 only:
 *
 *   1. seeds the bench users (as bench/users-list.ts; BENCH_USERS, default 10,000),
 *   2. starts both built portals (`npx next build` in each first) side by side with a sealed session each,
 *   3. loads the users page (search + sort by last seen) in a fresh browser context each round (nothing
 *      cached: HTML, every script, hydration), alternating between the two so both see the same machine load,
 *      and reports p50/p95 of the load event and of "table on screen", in English and in German,
 *   4. measures the JavaScript the page loads, gzipped, and its HTML.
 *
 * Run:  BASELINE_DIR=/path/to/other/checkout SYNAPSE_PORT=18010 PORTAL_PORT=3110 \
 *         node --conditions=react-server --import tsx bench/users-cold-load.ts
 * Options (env): BENCH_USERS (10000), BENCH_ROUNDS (40), BENCH_WARMUP (5).
 */
import os from "node:os";
import { chromium, type Browser } from "@playwright/test";
import { api, passwordLogin } from "../e2e/synapse/testbed";
import { BENCH_PORTAL_PORT, BENCH_USER_PREFIX as PREFIX, localTestbed, ms, pageJs, runBench, seedBenchUsers, startBenchPortal, stats } from "./portal-bench-setup";

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const BASELINE_DIR = process.env.BASELINE_DIR;
const DEADLINE = Date.now() + 20 * 60_000;
const PAGE = `/users?q=${PREFIX}&sort=last_seen_ts&dir=desc`;

type Side = { name: string; port: number; cookie: string };

async function coldLoad(browser: Browser, side: Side, locale: string) {
  const context = await browser.newContext({ locale });
  await context.addCookies([{ name: "portal_session", value: side.cookie.split("=")[1], domain: "127.0.0.1", path: "/" }]);
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(`http://127.0.0.1:${side.port}${PAGE}`, { waitUntil: "load" });
  const load = performance.now() - t0;
  await page.getByTestId("users-total").waitFor();
  const table = performance.now() - t0;
  const lang = await page.evaluate(() => document.documentElement.lang);
  await context.close();
  if (lang !== locale.slice(0, 2) && !(side.name === "baseline" && lang === "en")) throw new Error(`${side.name}: <html lang="${lang}"> for ${locale}`);
  return { load, table };
}

async function main() {
  if (!BASELINE_DIR) throw new Error("set BASELINE_DIR to the checkout to compare with (built with npx next build)");
  const tb = localTestbed();
  const token = await passwordLogin(tb.admin.userId, tb.admin.password);
  const portals: { pid?: number }[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await seedBenchUsers(token, USERS, DEADLINE);
    const sides: Side[] = [];
    for (const [name, dir, port] of [["baseline", BASELINE_DIR, BENCH_PORTAL_PORT + 10], ["current", process.cwd(), BENCH_PORTAL_PORT]] as const) {
      const started = await startBenchPortal(token, dir, port);
      portals.push(started.portal);
      sides.push({ name, port, cookie: started.cookie });
    }
    const results: Record<string, { load: number[]; table: number[] }> = {};
    for (const locale of ["en-US", "de-DE"]) {
      for (let i = 0; i < WARMUP + ROUNDS && Date.now() < DEADLINE; i++) {
        for (const side of i % 2 ? [...sides].reverse() : sides) {
          const r = await coldLoad(browser, side, locale);
          if (i < WARMUP) continue;
          const key = `${side.name} ${locale}`;
          (results[key] ??= { load: [], table: [] }).load.push(r.load);
          results[key].table.push(r.table);
        }
      }
    }
    console.log(`\n[bench] users page cold load, ${ROUNDS} rounds per side after ${WARMUP} warm-up; load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
    for (const [key, r] of Object.entries(results)) {
      const l = stats(r.load);
      const t = stats(r.table);
      console.log(`  ${key.padEnd(18)} load event p50 ${ms(l.p50)} p95 ${ms(l.p95)}   table shown p50 ${ms(t.p50)} p95 ${ms(t.p95)}`);
    }
    for (const locale of ["en-US", "de-DE"]) {
      const before = stats(results[`baseline ${locale}`].load).p50;
      const after = stats(results[`current ${locale}`].load).p50;
      console.log(`  ${locale}: current vs baseline load event p50 ${(((after - before) / before) * 100).toFixed(1)} % (target ≤ +10 %)`);
    }
    for (const side of sides) {
      const html = await (await fetch(`http://127.0.0.1:${side.port}${PAGE}`, { headers: { cookie: side.cookie } })).text();
      const js = await pageJs(html, side.cookie, side.port);
      console.log(`  ${side.name}: JavaScript ${js.files} files, ${(js.gz / 1024).toFixed(1)} KB gzip (target ≤ 150 KB); HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB, inline RSC ${(js.inlineGz / 1024).toFixed(1)} KB gzip`);
    }
  } finally {
    await browser.close();
    for (const p of portals) if (p.pid) process.kill(-p.pid, "SIGTERM");
    await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
  }
}

runBench(main);
