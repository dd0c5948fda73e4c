/**
 * CSV import journeys: an admin uploads a mixed file (new, existing and invalid rows), reviews the
 * problems, dry-runs it and runs it under each conflict mode; every effect is checked on Synapse.
 * Also: generated ids and passwords (owner-only report, purge) and cancelling a running import.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./test";
import { createUser, passwordLogin, randomSuffix, serverName } from "./synapse/testbed";
import { signInWithPassword } from "./fixtures";
import { downloadReport, expectJobStatus, synapseUser, synapseUsersMatching, uploadCsv } from "./import-helpers";

async function signInAdmin(page: import("@playwright/test").Page) {
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`importer-${randomSuffix()}`, password, { admin: true });
  await signInWithPassword(page, admin, password);
  return admin;
}

test("a mixed file: problems listed, dry run changes nothing, update mode creates and upserts", async ({ page }) => {
  await signInAdmin(page);
  const s = randomSuffix();
  const hs = await serverName();
  const existing = await createUser(`imp-ex-${s}`, `pw-${s}-old`);
  const same = await createUser(`imp-same-${s}`, `pw-${s}-same`);
  const newPassword = `pw-${s}-new2`;
  // A spreadsheet export: BOM, CRLF, a quoted comma, a full MXID, a header in another order and case.
  const csv =
    "\uFEFFID,Displayname,Password,Admin,Threepids,Favourite colour\r\n" +
    `imp-new1-${s},"Doe, Jane",,false,email:jane-${s}@example.org,blue\r\n` +
    `@imp-new2-${s}:${hs},Bob,${newPassword},yes,,green\r\n` +
    `imp-ex-${s},New Name,,true,,\r\n` +
    `imp-same-${s},imp-same-${s},,,,\r\n` +
    `Imp Bad ${s},X,,,,\r\n` +
    `@imp-remote-${s}:elsewhere.example,Y,,,,\r\n` +
    `imp-new1-${s},Twice,,maybe,,\r\n`;

  const dryJob = await test.step("upload with a dry run: the invalid rows are listed by line and column", async () => {
    const id = await uploadCsv(page, "mixed.csv", csv, { conflict: "Update the given fields", dryRun: true });
    await expectJobStatus(page, "waiting for review");
    await expect(page.getByText("Ignored unknown column: Favourite colour")).toBeVisible();
    const problems = page.getByTestId("problem-row");
    await expect(problems).toHaveCount(4);
    await expect(problems.nth(0)).toContainText(/6\s*id.*contains spaces/);
    await expect(problems.nth(1)).toContainText(/7\s*id.*belongs to another server/);
    await expect(problems.nth(2)).toContainText(/8\s*id.*already appears on line 2/);
    await expect(problems.nth(3)).toContainText(/8\s*admin.*the value is not true or false/);
    return id;
  });

  await test.step("the dry run of the valid rows shows what would change, and changes nothing", async () => {
    await page.getByRole("button", { name: "Dry-run the 4 valid rows" }).click();
    await expectJobStatus(page, "completed");
    await expect(page.getByTestId("count-would-create")).toHaveText("2");
    await expect(page.getByTestId("count-would-update")).toHaveText("1");
    await expect(page.getByTestId("count-would-skip")).toHaveText("1");
    const exRow = page.getByTestId("import-row").filter({ hasText: existing });
    await expect(exRow).toContainText("would update");
    await expect(exRow).toContainText(`displayname: imp-ex-${s} → New Name; admin: false → true`);
    expect(await synapseUser(`@imp-new1-${s}:${hs}`)).toBeNull();
    expect((await synapseUser(existing))!.displayname).toBe(`imp-ex-${s}`);
  });

  await test.step("run it for real: created, updated and skipped on Synapse", async () => {
    await page.getByRole("button", { name: "Run this import for real" }).click();
    await expect(page).not.toHaveURL(new RegExp(`/jobs/${dryJob}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Import #\d+$/); // the new job's page, not the dry run's
    await expect(page.getByRole("link", { name: `Import #${dryJob}` })).toBeVisible();
    await expectJobStatus(page, "completed");
    await expect(page.getByTestId("count-created")).toHaveText("2");
    await expect(page.getByTestId("count-updated")).toHaveText("1");
    await expect(page.getByTestId("count-skipped")).toHaveText("1");
    await expect(page.getByTestId("count-failed")).toHaveText("0");
    const jane = (await synapseUser(`@imp-new1-${s}:${hs}`))!;
    expect(jane.displayname).toBe("Doe, Jane");
    expect(jane.admin).toBe(false);
    expect(jane.threepids?.map((t) => `${t.medium}:${t.address}`)).toEqual([`email:jane-${s}@example.org`]);
    expect((await synapseUser(`@imp-new2-${s}:${hs}`))!.admin).toBe(true);
    expect(await passwordLogin(`@imp-new2-${s}:${hs}`, newPassword)).toBeTruthy();
    const ex = (await synapseUser(existing))!;
    expect([ex.displayname, ex.admin]).toEqual(["New Name", true]);
    expect((await synapseUser(same))!.displayname).toBe(`imp-same-${s}`);
    expect((await synapseUsersMatching(s)).filter((u) => u.toLowerCase().includes("bad"))).toEqual([]);
  });

  await test.step("the report lists every line of the file with its outcome", async () => {
    const report = await downloadReport(page);
    expect(report[0]).toEqual(["line", "id", "outcome", "reason", "changes", "password"]);
    const byLine = new Map(report.slice(1).map((r) => [r[0], r]));
    expect(report.length).toBe(8);
    expect(byLine.get("2")!.slice(1, 3)).toEqual([`'@imp-new1-${s}:${hs}`, "created"]);
    expect(byLine.get("3")![2]).toBe("created");
    expect(byLine.get("4")![2]).toBe("updated");
    expect(byLine.get("4")![4]).toContain("admin: false → true");
    expect(byLine.get("5")![2]).toBe("skipped");
    expect(byLine.get("6")!.slice(1, 3)).toEqual([`Imp Bad ${s}`, "invalid"]);
    expect(byLine.get("7")![2]).toBe("invalid");
    expect(byLine.get("8")![3]).toContain("already appears on line 2");
    for (const r of report.slice(1)) expect(r[5]).toBe("");
  });
});

test("skip mode leaves existing users alone; stop mode stops at the first existing user", async ({ page }) => {
  await signInAdmin(page);
  const s = randomSuffix();
  const hs = await serverName();
  const existing = await createUser(`imp-skip-ex-${s}`, `pw-${s}-old`);

  await test.step("skip: the existing row is skipped and unchanged, the others are created", async () => {
    await uploadCsv(page, "skip.csv", `id;displayname;admin\nimp-skip-a-${s};A;\nimp-skip-ex-${s};Changed;true\nimp-skip-b-${s};B;\n`, {
      conflict: "Skip the row",
      passwords: "Set none (single sign-on accounts)",
    });
    await expectJobStatus(page, "completed");
    await expect(page.getByTestId("count-created")).toHaveText("2");
    await expect(page.getByTestId("count-skipped")).toHaveText("1");
    const ex = (await synapseUser(existing))!;
    expect([ex.displayname, ex.admin]).toEqual([`imp-skip-ex-${s}`, false]);
    expect((await synapseUsersMatching(s)).filter((u) => u.startsWith("@imp-skip-"))).toEqual(
      [`@imp-skip-a-${s}:${hs}`, `@imp-skip-b-${s}:${hs}`, existing].sort(),
    );
  });

  await test.step("stop: rows before the existing user are created, the rest are not run", async () => {
    await uploadCsv(page, "stop.csv", `id,displayname\nimp-stop-a-${s},A\nimp-skip-ex-${s},Changed\nimp-stop-b-${s},B\n`, {
      conflict: "Stop the job",
      passwords: "Set none (single sign-on accounts)",
    });
    await expectJobStatus(page, "stopped");
    await expect(page.getByTestId("job-message")).toContainText(`Stopped at line 3: ${existing} already exists`);
    await expect(page.getByTestId("count-created")).toHaveText("1");
    expect(await synapseUser(`@imp-stop-a-${s}:${hs}`)).not.toBeNull();
    expect(await synapseUser(`@imp-stop-b-${s}:${hs}`)).toBeNull();
    expect((await synapseUser(existing))!.displayname).toBe(`imp-skip-ex-${s}`);
    await expect(page.getByTestId("import-row").filter({ hasText: `imp-stop-b-${s}` })).toContainText("not run");
  });
});

test("generated ids and passwords: in the owner's report only, and purged on request", async ({ page, browser }) => {
  await signInAdmin(page);
  const s = randomSuffix();
  const hs = await serverName();
  await uploadCsv(page, "generate.csv", `id,displayname,password\n,Zoë Ünal ${s},\n,Zoë Ünal ${s},\nimp-gen-own-${s},Own,own-password-${s}\n`, {
    ids: "Generate from the display name where empty",
    passwords: "Generate where the cell is empty",
  });
  await expectJobStatus(page, "completed");
  await expect(page.getByTestId("count-created")).toHaveText("3");
  const jobUrl = page.url();

  const report = await test.step("the owner's report carries the generated passwords, and they work", async () => {
    const rows = (await downloadReport(page)).slice(1);
    expect(rows.map((r) => r[1])).toEqual([`'@zoe.unal.${s}:${hs}`, `'@zoe.unal.${s}.2:${hs}`, `'@imp-gen-own-${s}:${hs}`]);
    expect(rows[0][5]).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(rows[1][5]).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(rows[2][5]).toBe("");
    expect(await passwordLogin(`@zoe.unal.${s}:${hs}`, rows[0][5])).toBeTruthy();
    return rows;
  });

  await test.step("another admin sees the job but not the passwords", async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signInAdmin(other);
    await other.goto(jobUrl);
    await expect(other.getByText(/generated passwords are only in the report/)).toBeVisible();
    await expect(other.getByRole("button", { name: "Purge passwords" })).toHaveCount(0);
    const rows = (await downloadReport(other)).slice(1);
    expect(rows.map((r) => r[5])).toEqual(["", "", ""]);
    await context.close();
  });

  await test.step("purge: the passwords are gone from the report", async () => {
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Purge passwords" }).click();
    await expect(page.getByText(/Passwords purged on/)).toBeVisible();
    const rows = (await downloadReport(page)).slice(1);
    expect(rows.map((r) => r[1])).toEqual(report.map((r) => r[1]));
    expect(rows.map((r) => r[5])).toEqual(["", "", ""]);
  });
});

test("cancel stops a running import after the rows in flight", async ({ page }) => {
  await signInAdmin(page);
  const s = randomSuffix();
  const hs = await serverName();
  const ids = Array.from({ length: 30 }, (_, i) => `imp-cancel-${s}-${String(i).padStart(2, "0")}`);
  await uploadCsv(page, "cancel.csv", `id\n${ids.join("\n")}\n`, { passwords: "Ignore the file's and generate all", concurrency: 1 });
  await expect(page.getByTestId("progress-done")).toHaveText(/^([3-9]|1\d) of 30 rows done$/, { timeout: 30_000 });
  await page.getByRole("button", { name: "Cancel import" }).click();
  await expectJobStatus(page, "cancelled");
  const created = Number(await page.getByTestId("count-created").textContent());
  expect(created).toBeGreaterThanOrEqual(3);
  expect(created).toBeLessThan(30);
  await expect(page.getByRole("button", { name: `Re-run ${30 - created} failed or not-run rows` })).toBeVisible();
  expect(await synapseUsersMatching(`imp-cancel-${s}-`)).toEqual(ids.slice(0, created).map((id) => `@${id}:${hs}`));
});

test("bad files get a clear message and create nothing", async ({ page }) => {
  await signInAdmin(page);
  const s = randomSuffix();
  await page.goto("/jobs");
  const jobsBefore = await page.getByTestId("jobs-total").textContent();
  const form = page.getByRole("form", { name: "CSV import" });
  const refuse = async (name: string, content: string | Buffer, message: string | RegExp, separator?: "Comma (,)") => {
    await test.step(name, async () => {
      await page.goto("/users/import");
      await form.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
      if (separator) await form.getByLabel("Separator").selectOption({ label: separator });
      await form.getByLabel(/Dry run/).setChecked(false);
      await form.getByRole("button", { name: "Upload and check" }).click();
      await expect(form.getByRole("alert")).toHaveText(message);
      await expect(page).toHaveURL(/\/users\/import$/);
    });
  };
  await test.step("the template the import page offers is a valid import file", async () => {
    await page.goto("/users/import");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the template" }).click()]);
    expect(download.suggestedFilename()).toBe("user-import-template.csv");
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.split("\r\n")[0]).toBe("id,displayname,password,is_guest,admin,deactivated,avatar_url,user_type,threepids,locked");
  });
  await refuse("empty.csv", "", "The file is empty.");
  await refuse("header-only.csv", "id,displayname,password\r\n\r\n", "The file has a header but no rows below it.");
  await refuse("no-id.csv", `displayname,password\nAnn ${s},x\n`, /has no "id" column/);
  await refuse("semicolons.csv", `id;displayname\nbad-sep-${s};Ann\n`, /separates its cells with a semicolon \(;\), not a comma \(,\)/, "Comma (,)");
  await refuse("photo.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), /binary file, not CSV text/);
  await refuse("latin1.csv", Buffer.from(`id,displayname\nbad-enc-${s},Jos\xe9\n`, "latin1"), /not UTF-8 text \(an invalid character on line 2\)/);

  await test.step("a 60 MB file: refused in the browser, and by the server if sent anyway", async () => {
    const big = path.join(os.tmpdir(), `import-60mb-${s}.csv`);
    fs.writeFileSync(big, Buffer.alloc(60 * 1024 * 1024, "a\n"));
    try {
      await page.goto("/users/import");
      await form.getByLabel("CSV file").setInputFiles(big);
      await form.getByRole("button", { name: "Upload and check" }).click();
      await expect(page.getByText("The file is larger than the limit of 50 MB. Split it into smaller files.")).toBeVisible();
    } finally {
      fs.rmSync(big);
    }
    const direct = await page.evaluate(async () => {
      const res = await fetch("/api/imports?fileName=big.csv&conflict=skip&passwords=none&ids=csv&delimiter=auto&concurrency=4&dryRun=false", {
        method: "POST",
        headers: { "content-type": "text/csv" }, // required since uploads must force a CORS preflight
        body: new Blob([new Uint8Array(60 * 1024 * 1024)]),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(direct).toEqual({ status: 413, body: { error: { code: "TOO_LARGE", message: "The file is larger than the limit of 50 MB. Split it into smaller files." } } });
  });

  await page.goto("/jobs");
  await expect(page.getByTestId("jobs-total")).toHaveText(jobsBefore!);
  expect(await synapseUsersMatching(s)).toEqual([]);
});
