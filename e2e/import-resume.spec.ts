/**
 * Imports survive the portal being killed and Synapse going away: the job continues on its own when the
 * portal starts again (no browser needed) or when Synapse is back, and every user in the file ends up
 * created exactly once, with the password the report gives for it.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { createUser, passwordLogin, randomSuffix, serverName } from "./synapse/testbed";
import { signInWithPassword } from "./fixtures";
import { downloadReport, expectJobStatus, synapseUsersMatching, uploadCsv, waitForSynapseUsers } from "./import-helpers";
import { killGroup, SPARE, startPortal, waitUntilServing } from "./spare-portal";

// One row at a time and Synapse hashes each generated password (bcrypt), so 30 rows take seconds: the kill,
// made as soon as Synapse holds the first two users, lands with most rows still to do.
const ROWS = 30;
const OUTAGE_ROWS = 20;
// The restarted process takes the job over once the killed one's lease has run out: 10 s rather than the default
// 30 s of waiting (as in import-two-instances; a 5 s lease has lapsed under load there).
const JOB_ENV = { JOB_LEASE_MS: "10000", JOB_POLL_MS: "500" };

async function doneCount(page: Page): Promise<number> {
  return Number(/^(\d+) of/.exec((await page.getByTestId("progress-done").textContent()) ?? "")?.[1] ?? -1);
}

/** Every row created once, Synapse holds exactly the file's users, and each generated password signs in. */
async function expectEachUserCreatedOnce(page: Page, ids: string[]) {
  const hs = await serverName();
  await expect(page.getByTestId("count-created")).toHaveText(String(ids.length));
  await expect(page.getByTestId("count-updated")).toHaveText("0");
  await expect(page.getByTestId("count-failed")).toHaveText("0");
  const prefix = ids[0].slice(0, ids[0].lastIndexOf("-") + 1);
  expect(await synapseUsersMatching(prefix)).toEqual(ids.map((id) => `@${id}:${hs}`));
  const report = (await downloadReport(page)).slice(1);
  expect(report.map((r) => r[2])).toEqual(ids.map(() => "created"));
  for (const r of report) expect(await passwordLogin(r[1].replace(/^'/, ""), r[5])).toBeTruthy();
}

test("the portal process is killed mid-import; started again, it finishes the job alone", async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-import-restart-"));
  const secret = crypto.randomBytes(32).toString("base64url");
  let portal = startPortal(dataDir, secret, JOB_ENV);
  const context = await browser.newContext({ baseURL: SPARE });
  try {
    await waitUntilServing();
    const page = await context.newPage();
    const password = `pw-${randomSuffix()}`;
    await signInWithPassword(page, await createUser(`importer-${randomSuffix()}`, password, { admin: true }), password);
    const s = randomSuffix();
    const ids = Array.from({ length: ROWS }, (_, i) => `imp-restart-${s}-${String(i).padStart(2, "0")}`);

    const jobId = await test.step("start an import of users with generated passwords", async () => {
      const id = await uploadCsv(page, "restart.csv", `id\n${ids.join("\n")}\n`, { passwords: "Ignore the file's and generate all", concurrency: 1 });
      await waitForSynapseUsers(`imp-restart-${s}-`, 2);
      return id;
    });

    await test.step("kill the portal while rows are in flight, then start it again", async () => {
      killGroup(portal);
      const partial = (await synapseUsersMatching(`imp-restart-${s}-`)).length;
      expect(partial).toBeLessThan(ROWS);
      await page.close();
      portal = startPortal(dataDir, secret, JOB_ENV);
      await waitUntilServing();
    });

    await test.step("the job completes by itself and every user exists exactly once", async () => {
      const again = await context.newPage();
      await again.goto(`/jobs/${jobId}`);
      await expectJobStatus(again, "completed", 90_000);
      await expectEachUserCreatedOnce(again, ids);
    });
  } finally {
    await context.close();
    killGroup(portal);
  }
});

test("Synapse stops mid-import and starts again: the job waits, then finishes", async ({ page }) => {
  test.setTimeout(180_000);
  const password = `pw-${randomSuffix()}`;
  await signInWithPassword(page, await createUser(`importer-${randomSuffix()}`, password, { admin: true }), password);
  const s = randomSuffix();
  const ids = Array.from({ length: OUTAGE_ROWS }, (_, i) => `imp-outage-${s}-${String(i).padStart(2, "0")}`);
  const testbed = (cmd: "stop" | "resume") => execFileSync("bash", ["e2e/synapse/testbed.sh", cmd], { stdio: "ignore", env: process.env });

  await uploadCsv(page, "outage.csv", `id\n${ids.join("\n")}\n`, { passwords: "Ignore the file's and generate all", concurrency: 1 });
  await waitForSynapseUsers(`imp-outage-${s}-`, 2);

  await test.step("Synapse goes away for a while, then comes back with its data", async () => {
    testbed("stop");
    try {
      expect(await doneCount(page)).toBeLessThan(OUTAGE_ROWS);
      await new Promise((r) => setTimeout(r, 5_000)); // the job meets the outage and retries
    } finally {
      testbed("resume");
    }
  });

  await test.step("the job carries on and every user exists exactly once", async () => {
    await page.reload();
    await expectJobStatus(page, "completed", 90_000);
    await expectEachUserCreatedOnce(page, ids);
  });
});
