/** A production portal refuses to start without a usable SESSION_SECRET, and says why. */
import { expect, test } from "./test";
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { SPARE_PORT } from "../playwright.config";

function startPortal(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATA_DIR: path.join(os.tmpdir(), `portal-startup-test-${SPARE_PORT}`), ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    // The standalone server, as the image and `npm start` run it.
    const child = spawn("node", [".next/standalone/server.js"], { env: { ...childEnv, PORT: String(SPARE_PORT), HOSTNAME: "127.0.0.1" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("no SESSION_SECRET, or a short one: the server exits with a clear message", async () => {
  const missing = await startPortal({ SESSION_SECRET: undefined });
  expect(missing.code).toBe(1);
  expect(missing.output).toContain("refusing to start: SESSION_SECRET is not set");

  const short = await startPortal({ SESSION_SECRET: "too-short" });
  expect(short.code).toBe(1);
  expect(short.output).toContain("SESSION_SECRET must be at least 32 characters long");
});
