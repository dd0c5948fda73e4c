/**
 * Server notices from the Server section: a broadcast to all matching a users-list filter runs as a job with
 * progress and a result per user, and each recipient (read through the client API, signed in as them) has it
 * once, also when the portal process is SIGKILLed mid-broadcast and started again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { SPARE_PORT } from "../playwright.config";
import { createUser, randomSuffix, signInWithPassword } from "./fixtures";
import { noticesReceived } from "./notice-fixtures";
import { putUser } from "./users-helpers";

async function makeUsers(prefix: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await putUser(`${prefix}-${String(i).padStart(2, "0")}`));
  return ids;
}

async function signInAsNewAdmin(page: Page) {
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`noticeadmin-${randomSuffix()}`, password, { admin: true });
  await signInWithPassword(page, admin, password);
  return admin;
}

/** Fills the Notices form for all matching `filter` and confirms the count; returns the job id. */
async function broadcast(page: Page, text: string, filter: string, count: number): Promise<number> {
  await page.getByLabel("Notice text").fill(text);
  await page.getByLabel("Every user matching a users-list filter").check();
  await page.getByLabel("Users list filter").fill(filter);
  await page.getByRole("button", { name: "Review…" }).click();
  const dialog = page.getByRole("dialog", { name: `Send this notice to ${count} users?` });
  await dialog.getByRole("button", { name: `Send to ${count} users` }).click();
  await expect(page).toHaveURL(/\/server\/notices\/\d+$/, { timeout: 20_000 });
  return Number(/(\d+)$/.exec(page.url())![1]);
}

test("broadcast from the Notices page: bad input starts nothing, progress to completed, each recipient has it once", async ({ page }) => {
  const p = `nb${randomSuffix()}`;
  const ids = await makeUsers(p, 6);
  const admin = await signInAsNewAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Server" }).click();
  await page.getByRole("navigation", { name: "Server" }).getByRole("link", { name: "Notices" }).click();
  await expect(page.getByRole("heading", { name: "Server notices" })).toBeVisible();

  await test.step("an empty message and a filter matching nobody get a message and start nothing", async () => {
    const form = page.getByRole("form", { name: "Broadcast a server notice" });
    await page.getByRole("button", { name: "Review…" }).click();
    await expect(form.getByRole("alert")).toHaveText("Write the notice first.");
    await page.getByLabel("Notice text").fill("hello");
    await page.getByLabel("Every user matching a users-list filter").check();
    await page.getByLabel("Users list filter").fill(`/users?q=nobody-${p}`);
    await page.getByRole("button", { name: "Review…" }).click();
    await expect(form.getByRole("alert")).toHaveText("No active user matches this filter: nothing to send.");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  const text = `Maintenance at 22:00 (${p})`;
  const jobId = await test.step("confirm the count and follow the job to the end", async () => {
    const id = await broadcast(page, text, `/users?q=${p}-`, 6);
    await expect(page.getByTestId("broadcast-text")).toHaveText(text);
    await expect(page.getByTestId("job-status")).toHaveText("Completed", { timeout: 60_000 });
    await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "6");
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    await expect(page.getByTestId("bulk-summary")).toContainText("6 of 6 done · 6 sent · 0 failed · 0 skipped");
    await expect(page.getByRole("table", { name: "Succeeded users" }).getByTestId("bulk-result")).toHaveCount(6);
    return id;
  });

  await test.step("each recipient reads it once in their Server Notices room", async () => {
    for (const id of ids) expect(await noticesReceived(id)).toEqual([text]);
  });

  await test.step("/jobs lists the broadcast with who started it, linked to its page", async () => {
    await page.goto("/jobs");
    const row = page.getByTestId("runtime-job-row").filter({ has: page.locator(`a[href="/server/notices/${jobId}"]`) });
    await expect(row).toContainText("Server notice broadcast");
    await expect(row).toContainText(admin);
    await expect(row.getByTestId("runtime-job-status")).toHaveText("completed");
    await row.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/server/notices/${jobId}$`));
  });
});

// A portal of its own on the spare port, so the test can SIGKILL it (its process group, like a crash).
function startPortal(dataDir: string, secret: string, port: number): ChildProcess {
  const command = `bash scripts/prisma.sh migrate deploy >/dev/null && exec npx next start -p ${port} -H 127.0.0.1`;
  const log = () => fs.openSync(path.join(dataDir, "portal.log"), "a");
  return spawn("bash", ["-c", command], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, SESSION_SECRET: secret, NODE_ENV: "production", JOB_LEASE_MS: "4000", JOB_POLL_MS: "500" },
    detached: true,
    stdio: ["ignore", log(), log()],
  });
}

test("the portal is SIGKILLed mid-broadcast; started again, it finishes and nobody gets the notice twice", async ({ browser }) => {
  test.setTimeout(180_000);
  const spare = `http://127.0.0.1:${SPARE_PORT}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-notice-restart-"));
  const secret = crypto.randomBytes(32).toString("base64url");
  const serving = () => expect.poll(async () => (await fetch(`${spare}/login`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [250] }).toBe(200);
  const kill = (child: ChildProcess) => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const p = `nk${randomSuffix()}`;
  const ids = await makeUsers(p, 40);
  let portal = startPortal(dataDir, secret, SPARE_PORT);
  const context = await browser.newContext({ baseURL: spare });
  try {
    await serving();
    const page = await context.newPage();
    await signInAsNewAdmin(page);
    await page.goto("/server/notices");
    const text = `Restart-proof notice ${p}`;
    const jobId = await broadcast(page, text, `q=${p}-`, 40);
    const done = async () => ((await (await context.request.get(`/api/jobs/${jobId}`)).json()) as { done: number }).done;

    await test.step("kill the portal while notices are going out, then start it again", async () => {
      await expect.poll(done, { timeout: 60_000, intervals: [100] }).toBeGreaterThanOrEqual(3);
      kill(portal);
      const partial = (await Promise.all(ids.map(async (id) => (await noticesReceived(id)).length))).reduce((a, b) => a + b, 0);
      expect(partial).toBeLessThan(40);
      portal = startPortal(dataDir, secret, SPARE_PORT);
      await serving();
    });

    await test.step("the job completes by itself; each of the 40 has the notice exactly once", async () => {
      const again = await context.newPage();
      await again.goto(`/server/notices/${jobId}`);
      await expect(again.getByTestId("job-status")).toHaveText("Completed", { timeout: 90_000 });
      await expect(again.getByTestId("bulk-summary")).toContainText("40 of 40 done · 40 sent · 0 failed · 0 skipped");
      for (const id of ids) expect(await noticesReceived(id)).toEqual([text]);
    });
  } finally {
    await context.close();
    kill(portal);
  }
});
