/**
 * What a team's load balancer and Prometheus see: /api/health, the opt-in /api/metrics behind its token,
 * and a standalone server (as the image runs it) that exits cleanly on SIGTERM.
 */
import { expect, test } from "./test";
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { ALLOWLIST_PORTAL, METRICS_TOKEN, PORTAL, SPARE_PORT } from "../playwright.config";
import { createUser, randomSuffix, signInWithPassword } from "./fixtures";

test("health: database reachable and migrations current, no session needed", async ({ request }) => {
  const res = await request.get(`${PORTAL}/api/health`);
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({
    status: "ok",
    database: "ok",
    migrations: "current",
    pendingMigrations: 0,
    jobRuntime: { alive: true, running: expect.any(Number) },
  });
});

test("metrics: 404 where METRICS_TOKEN is unset, 401 without the token, Prometheus text with it", async ({ page, request }) => {
  await test.step("the second portal has no METRICS_TOKEN: there is no such endpoint", async () => {
    expect((await request.get(`${ALLOWLIST_PORTAL}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status()).toBe(404);
  });
  await test.step("no token, or a wrong one: refused, and nothing measured is shown", async () => {
    const none = await request.get(`${PORTAL}/api/metrics`);
    expect(none.status()).toBe(401);
    expect(await none.text()).not.toContain("portal_");
    expect((await request.get(`${PORTAL}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status()).toBe(401);
  });
  await test.step("a sign-in makes requests to Synapse, which are counted", async () => {
    const password = `pw-${randomSuffix()}`;
    await signInWithPassword(page, await createUser(`metrics-${randomSuffix()}`, password, { admin: true }), password);
    const res = await request.get(`${PORTAL}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^portal_synapse_requests_total\{api="client",method="POST",status="200"\} [1-9]/m);
    expect(text).toMatch(/^portal_synapse_request_duration_seconds_count\{api="client"\} [1-9]/m);
    expect(text).toContain("# TYPE portal_jobs gauge");
    expect(text).toMatch(/^portal_jobs_leased\{table="importJob"\} \d+$/m);
    expect(text).toMatch(/^portal_database_up 1$/m);
    expect(text).not.toMatch(/@metrics-|access_token|Bearer/);
  });
});

test("SIGTERM: the standalone server stops accepting and exits cleanly within the grace period", async () => {
  test.setTimeout(150_000); // start.sh migrates first, which takes a while on a busy machine
  const dataDir = path.join(os.tmpdir(), `portal-deploy-test-${SPARE_PORT}-${randomSuffix()}`);
  // As the image runs it: the standalone server, with Next's own signal handler off.
  const child = spawn("bash", ["scripts/start.sh", "--skip-build"], {
    env: { ...process.env, PORT: String(SPARE_PORT), HOST: "127.0.0.1", DATA_DIR: dataDir, NEXT_MANUAL_SIG_HANDLE: "true", SHUTDOWN_GRACE_MS: "3000" },
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${SPARE_PORT}/api/health`).catch(() => null))?.status, { timeout: 120_000 }).toBe(200);
    const signalled = Date.now();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(8_000);
    expect(output).toContain("SIGTERM: not accepting connections");
    await expect(fetch(`http://127.0.0.1:${SPARE_PORT}/api/health`)).rejects.toThrow();
  } finally {
    child.kill("SIGKILL");
  }
});
