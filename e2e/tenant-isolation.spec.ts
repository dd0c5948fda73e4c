/**
 * One portal, two homeservers: the admin of the first test Synapse leaves an import job, a media deletion
 * (bytes freed) and audit entries; the admin of the second Synapse signs in to the same portal through the
 * login form and finds none of it: not on /audit, /jobs, /jobs/purges, in the purge CSV, in the dashboard's
 * freed bytes, and a direct URL to the first server's job or purge record is a 404.
 */
import { expect, test } from "./test";
import { createUser, randomSuffix, signInWithPassword } from "./fixtures";
import { expectJobStatus, parseSimpleCsv, uploadCsv } from "./import-helpers";
import { createUserWithoutPassword, loginAs, mediaInfo, pngOfSize, upload } from "./media-fixtures";
import { loadPolicyTestbed, loadTestbed } from "./synapse/testbed";

const second = loadPolicyTestbed(); // the provisioned test bed has it; playwright.config.ts leaves this file out otherwise
if (!second) throw new Error("No second test Synapse: run `bash e2e/synapse/testbed.sh start` (npm test does).");
const first = loadTestbed();

/** The CSV's data rows as objects by header name. */
function records(csv: string): Record<string, string>[] {
  const [head, ...rows] = parseSimpleCsv(csv);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

test("the admin of another homeserver sees none of the first homeserver's records", async ({ page, browser }) => {
  const password = `pw-${randomSuffix()}`;
  const adminA = await createUser(`tenant-a-${randomSuffix()}`, password, { admin: true });
  const owner = await createUserWithoutPassword(`tenant-media-${randomSuffix()}`);
  const file = await upload(await loginAs(owner), pngOfSize(30_000), "image/png", "tenant.png");
  let jobA = 0;
  let purgeA = 0;

  await test.step("the first homeserver's admin imports, deletes media, and sees it all", async () => {
    await signInWithPassword(page, adminA, password);
    jobA = await uploadCsv(page, "tenant-a.csv", `id,displayname\ntenant-row-${randomSuffix()},Tenant Row\n`, { dryRun: true, passwords: "Set none (single sign-on accounts)" });
    await expectJobStatus(page, "completed");

    await page.goto(`/media/users/${encodeURIComponent(owner)}`);
    await page.getByRole("button", { name: "Delete all of this user's media…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete all of this user's media" });
    await dialog.getByRole("button", { name: "Delete all 1 files" }).click();
    await expect(dialog.getByTestId("job-result")).toContainText("Done: 1 file deleted");
    expect(await mediaInfo(file)).toBeNull();

    await page.goto(`/jobs/purges?target=${encodeURIComponent(owner)}`);
    const row = page.getByTestId("purge-row");
    await expect(row).toHaveCount(1);
    purgeA = Number((await row.getByRole("link").first().getAttribute("href"))!.split("/").pop());
    expect(purgeA).toBeGreaterThan(0);
    await page.goto("/");
    expect(Number(await page.getByTestId("stat-freed").getAttribute("data-raw"))).toBeGreaterThanOrEqual(file.size);
    await page.goto(`/audit?actor=${encodeURIComponent(adminA)}`);
    await expect(page.getByTestId("audit-row").first()).toBeVisible();
  });

  // A fresh browser: the second admin has no cookie of the first.
  const context = await browser.newContext();
  const pageB = await context.newPage();
  try {
    await test.step("the second homeserver's admin signs in through the login form", async () => {
      await signInWithPassword(pageB, second.admin.userId, second.admin.password);
      await expect(pageB.getByTestId("header-homeserver")).toHaveText(second.baseUrl);
    });

    await test.step("/audit lists only the second homeserver's entries", async () => {
      await pageB.goto("/audit");
      const rows = pageB.getByTestId("audit-row");
      await expect(rows.first()).toContainText("session.login");
      for (const text of await rows.allTextContents()) {
        expect(text).toContain(second.baseUrl);
        expect(text).not.toContain(first.baseUrl);
      }
      await pageB.goto(`/audit?actor=${encodeURIComponent(adminA)}`);
      await expect(pageB.getByText("No entries match.")).toBeVisible();
    });

    await test.step("/jobs and /jobs/purges show nothing of the first homeserver", async () => {
      await pageB.goto("/jobs");
      await expect(pageB.getByRole("heading", { name: "Jobs" })).toBeVisible();
      await expect(pageB.locator(`a[href="/jobs/${jobA}"]`)).toHaveCount(0);
      await pageB.goto(`/jobs/purges?target=${encodeURIComponent(owner)}`);
      await expect(pageB.getByRole("heading", { name: "Purge history" })).toBeVisible();
      await expect(pageB.getByTestId("purge-row")).toHaveCount(0);
      await pageB.goto("/jobs/purges");
      await expect(pageB.locator(`a[href="/jobs/purges/${purgeA}"]`)).toHaveCount(0);
    });

    let exported = "";
    await test.step("the purge CSV export holds only the second homeserver's rows", async () => {
      const r = await pageB.request.get("/jobs/purges/export");
      expect(r.status()).toBe(200);
      exported = await r.text();
      expect(exported).toMatch(/^id,started_at,/);
      expect(exported).not.toContain(owner);
      expect(records(exported).map((r) => r.id)).not.toContain(String(purgeA));
      for (const r of records(exported)) expect(r.homeserver).toBe(second.baseUrl);
    });

    await test.step("the dashboard's freed bytes count only the second homeserver's purges", async () => {
      const since = Date.now() - 30 * 24 * 60 * 60 * 1000;
      const own = records(exported)
        .filter((r) => r.status === "ok" && Date.parse(r.started_at) >= since)
        .reduce((sum, r) => sum + Number(r.bytes_freed || 0), 0);
      await pageB.goto("/");
      await expect(pageB.getByTestId("stat-freed")).toHaveAttribute("data-raw", String(own));
    });

    await test.step("direct URLs to the first homeserver's job and purge record are 404s", async () => {
      for (const url of [`/jobs/${jobA}`, `/jobs/purges/${purgeA}`, `/api/imports/${jobA}/progress`, `/api/imports/${jobA}/report`]) {
        const r = await pageB.goto(url);
        expect(r?.status(), url).toBe(404);
      }
      // The same URLs still open for the first homeserver's admin.
      expect((await page.goto(`/jobs/${jobA}`))?.status()).toBe(200);
      expect((await page.goto(`/jobs/purges/${purgeA}`))?.status()).toBe(200);
    });
  } finally {
    await context.close();
  }
});
