/**
 * The CSV import in German (the browser asks for de-DE): an admin uploads a file with one bad row, reads the
 * row's problem in German with its line number, dry-runs and then runs the import, and finds it on the German
 * jobs and audit pages. The users it made are checked on Synapse.
 */
import { expect, test } from "./test";
import { randomSuffix, serverName } from "./synapse/testbed";
import { signInAsNewAdmin } from "./users-helpers";
import { expectJobStatus, synapseUser, synapseUsersMatching } from "./import-helpers";

test.use({ locale: "de-DE" });


test("a CSV import in German: row error with its line, dry run, real run, jobs and audit pages", async ({ page, baseURL }) => {
  await signInAsNewAdmin(page, "importer-de");
  const s = randomSuffix();
  const hs = await serverName();
  const fileName = `de-import-${s}.csv`;
  const good = [`de-a-${s}`, `de-b-${s}`];
  const csv = `id,displayname,password\n${good[0]},Anna,pw-${s}-a\nDe Bad ${s},Bernd,pw-${s}-x\n${good[1]},Berta,pw-${s}-b\n`;
  const form = page.getByRole("form", { name: "CSV-Import" });

  await test.step("the import page is German, and so is the server's refusal of a file without rows", async () => {
    await page.goto("/users/import");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Benutzer aus CSV importieren");
    await form.getByLabel("CSV-Datei").setInputFiles({ name: `de-empty-${s}.csv`, mimeType: "text/csv", buffer: Buffer.from("id,displayname\n") });
    await form.getByRole("button", { name: "Hochladen und prüfen" }).click();
    await expect(form.getByRole("alert")).toHaveText("Die Datei hat eine Kopfzeile, aber keine Zeilen darunter.");
  });

  const dryJob = await test.step("upload with a dry run: the bad row's problem in German, with its line", async () => {
    await form.getByLabel("CSV-Datei").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await form.getByLabel("Wenn der Benutzer existiert").selectOption({ label: "Zeile überspringen" });
    await form.getByLabel(/Probelauf/).setChecked(true);
    await form.getByRole("button", { name: "Hochladen und prüfen" }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/, { timeout: 30_000 });
    await expectJobStatus(page, "wartet auf Prüfung");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Import #\d+ \(Probelauf\)$/);
    const problem = page.getByTestId("problem-row");
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText(new RegExp(`^3\\s*id\\s*„De Bad ${s}“ enthält Leerzeichen, die Benutzer-IDs nicht haben dürfen$`));
    return Number(/\/jobs\/(\d+)$/.exec(page.url())![1]);
  });

  await test.step("the dry run of the valid rows says in German what would happen, and creates nobody", async () => {
    await page.getByRole("button", { name: "Probelauf für die 2 gültigen Zeilen" }).click();
    await expectJobStatus(page, "abgeschlossen");
    await expect(page.getByTestId("count-would-create")).toHaveText("2");
    const row = page.getByTestId("import-row").filter({ hasText: good[0] });
    await expect(row).toContainText("würde anlegen");
    await expect(row).toContainText("mit dem Passwort aus der Datei");
    expect(await synapseUsersMatching(`de-a-${s}`)).toEqual([]);
  });

  await test.step("run for real: the good users exist on Synapse, the bad one does not", async () => {
    await page.getByRole("button", { name: "Diesen Import echt ausführen" }).click();
    await expect(page).not.toHaveURL(new RegExp(`/jobs/${dryJob}$`));
    await expectJobStatus(page, "abgeschlossen");
    await expect(page.getByTestId("count-created")).toHaveText("2");
    await expect(page.getByRole("link", { name: `Import #${dryJob}` })).toBeVisible();
    expect((await synapseUser(`@${good[0]}:${hs}`))?.displayname).toBe("Anna");
    expect((await synapseUser(`@${good[1]}:${hs}`))?.displayname).toBe("Berta");
    expect(await synapseUsersMatching(s)).toEqual(good.map((g) => `@${g}:${hs}`).sort());
  });

  await test.step("the jobs page lists both imports in German", async () => {
    await page.goto("/jobs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aufträge");
    await expect(page.getByRole("heading", { name: "CSV-Importe" })).toBeVisible();
    const dryRow = page.getByTestId("job-row").filter({ has: page.getByRole("link", { name: `Import #${dryJob}`, exact: true }) });
    await expect(dryRow).toContainText(fileName);
    await expect(dryRow).toContainText("Probelauf");
    await expect(dryRow.getByTestId("job-status")).toHaveText("abgeschlossen");
    await expect(page.getByTestId("job-row").filter({ hasText: fileName })).toHaveCount(2);
  });

  await test.step("the audit log, in German, has the upload and the end of both runs", async () => {
    await page.goto(`/audit?target=${encodeURIComponent(fileName)}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit-Protokoll");
    await expect(page.getByRole("columnheader", { name: "Aktion" })).toBeVisible();
    const rows = page.getByTestId("audit-row");
    for (const action of ["import.upload", "import.dry-run-finish", "import.finish"]) {
      await expect(rows.filter({ has: page.getByRole("cell", { name: action, exact: true }) })).toHaveCount(1);
    }
  });
});
