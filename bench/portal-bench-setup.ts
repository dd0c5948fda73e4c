// Shared by the page benchmarks (users list, dashboard): the 10k bench users, the built portal on the spare
// port with a sealed session, percentiles. Benchmarks talk only to the local test Synapse (127.0.0.1).
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sealData } from "iron-session";
import { api, loadTestbed, passwordLogin } from "../e2e/synapse/testbed";

export const BENCH_USER_PREFIX = "bench-u";
export const BENCH_PORTAL_PORT = Number(process.env.PORTAL_PORT ?? 3100) + 2; // the e2e "spare" port: never clashes with the suite's portals

export function localTestbed() {
  const tb = loadTestbed();
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(tb.baseUrl)) throw new Error(`the benchmark only talks to 127.0.0.1, not ${tb.baseUrl}`);
  return tb;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
export const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), mean: s.reduce((a, b) => a + b, 0) / s.length };
};
export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** `users` bench users without passwords (bench-uNNNNN, ~50/s; skipped when already there), until `deadline`. */
export async function seedBenchUsers(token: string, users: number, deadline: number, concurrency = 4): Promise<void> {
  const tb = localTestbed();
  const server = tb.admin.userId.slice(tb.admin.userId.indexOf(":") + 1);
  const count = async () =>
    (await api<{ total: number }>(`/_synapse/admin/v3/users?name=${BENCH_USER_PREFIX}&limit=0&locked=true`, { token })).body.total;
  const have = await count();
  if (have >= users) {
    console.log(`[bench] ${have} ${BENCH_USER_PREFIX}* users already there`);
    return;
  }
  console.log(`[bench] seeding ${users - have} users without passwords (~50/s)…`);
  const started = Date.now();
  let next = 0;
  let created = 0;
  const worker = async () => {
    while (next < users && Date.now() < deadline) {
      const i = next++;
      const userId = `@${BENCH_USER_PREFIX}${String(i).padStart(5, "0")}:${server}`;
      // Idempotent: on a rerun after a partial seed, an existing user gets the same display name again (200).
      const r = await api(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { method: "PUT", token, body: { displayname: `Bench User ${i}` } });
      if (r.status !== 201 && r.status !== 200) throw new Error(`seed ${userId}: ${r.status} ${JSON.stringify(r.body)}`);
      if (++created % 1000 === 0) console.log(`[bench]   ${created} created (${((created / (Date.now() - started)) * 1000).toFixed(0)}/s)`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(`[bench] seeded ${created} in ${((Date.now() - started) / 1000).toFixed(0)} s; ${await count()} ${BENCH_USER_PREFIX}* users`);
}

/**
 * The built portal (`npx next build` first) on the spare port, and a session cookie for the test admin's token.
 * `dir` and `port` start another checkout's build beside it (a before/after comparison).
 */
export async function startBenchPortal(token: string, dir = process.cwd(), port = BENCH_PORTAL_PORT): Promise<{ portal: ChildProcess; cookie: string }> {
  if (!fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error(`build the portal first: npx next build (in ${dir})`);
  const tb = localTestbed();
  const secret = crypto.randomBytes(32).toString("base64url");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  const portal = spawn("bash", ["scripts/start.sh", "--skip-build"], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SESSION_SECRET: secret, DATA_DIR: dataDir, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const sealed = await sealData(
    { userId: tb.admin.userId, accessToken: token, baseUrl: tb.baseUrl, deviceId: null, signedInAt: Date.now() },
    { password: secret, ttl: 3600 },
  );
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) return { portal, cookie: `portal_session=${sealed}` };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the portal did not start");
}

/** Gzipped size of every script the page loads (what a first visit transfers). */
export async function pageJs(html: string, cookie: string, port: number) {
  // noModule scripts (legacy polyfills) are not loaded by the browsers the portal supports.
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]).filter((attrs) => !/\bnoModule\b/i.test(attrs));
  const srcs = [...new Set(tags.map((a) => /\bsrc="([^"]+)"/.exec(a)?.[1]).filter((x): x is string => Boolean(x)))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const buf = Buffer.from(await (await fetch(new URL(src, `http://127.0.0.1:${port}`), { headers: { cookie } })).arrayBuffer());
    raw += buf.length;
    gz += zlib.gzipSync(buf).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  return { files: srcs.length, raw, gz, inlineGz: zlib.gzipSync(Buffer.from(inline)).length };
}

/** Logs the test admin in, seeds `users` bench users, starts the portal and runs `body`; always stops the portal and logs out. */
export async function withBenchPortal(
  users: number,
  deadline: number,
  body: (cookie: string, token: string) => Promise<void>,
): Promise<void> {
  const tb = localTestbed();
  const token = await passwordLogin(tb.admin.userId, tb.admin.password);
  let portal: { pid?: number } | undefined;
  try {
    await seedBenchUsers(token, users, deadline);
    const started = await startBenchPortal(token);
    portal = started.portal;
    await body(started.cookie, token);
  } finally {
    if (portal?.pid) process.kill(-portal.pid, "SIGTERM");
    await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
  }
}

/** Runs a benchmark's main; a failure prints its stack and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e) => {
    console.error(`[bench] ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
