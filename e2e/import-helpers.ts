// Steps shared by the CSV import journeys: upload through the import page, wait for a job, read its report.
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { adminToken, api } from "./synapse/testbed";

export type UploadChoices = {
  conflict?: "Stop the job" | "Skip the row" | "Update the given fields";
  passwords?: "Use the file's passwords" | "Generate where the cell is empty" | "Ignore the file's and generate all" | "Set none (single sign-on accounts)";
  ids?: "Use the file's ids" | "Generate from the display name where empty";
  separator?: "Detect" | "Comma (,)" | "Semicolon (;)";
  concurrency?: number;
  dryRun?: boolean;
};

/** Fills the import page as an admin would and returns the new job's id. */
export async function uploadCsv(page: Page, fileName: string, content: string | Buffer, choices: UploadChoices = {}): Promise<number> {
  await page.goto("/users/import");
  const form = page.getByRole("form", { name: "CSV import" });
  await form.getByLabel("CSV file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  if (choices.separator) await form.getByLabel("Separator").selectOption({ label: choices.separator });
  if (choices.conflict) await form.getByLabel("When the user exists").selectOption({ label: choices.conflict });
  if (choices.passwords) await form.getByLabel("Passwords").selectOption({ label: choices.passwords });
  if (choices.ids) await form.getByLabel("User ids").selectOption({ label: choices.ids });
  if (choices.concurrency) await form.getByLabel("Concurrency").fill(String(choices.concurrency));
  await form.getByLabel(/Dry run/).setChecked(choices.dryRun ?? false);
  await form.getByRole("button", { name: "Upload and check" }).click();
  await expect(page).toHaveURL(/\/jobs\/\d+$/, { timeout: 30_000 });
  return Number(/\/jobs\/(\d+)$/.exec(page.url())![1]);
}

export async function expectJobStatus(page: Page, status: string, timeout = 60_000) {
  await expect(page.getByTestId("job-status").first()).toHaveText(status, { timeout });
}

/** Downloads the job's report CSV through the page's link and returns its lines split into cells (simple CSV). */
export async function downloadReport(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-link").click()]);
  const text = fs.readFileSync((await download.path())!, "utf8");
  return parseSimpleCsv(text);
}

export function parseSimpleCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

export type SynapseUser = { name: string; displayname?: string; admin?: boolean; deactivated?: boolean; threepids?: { medium: string; address: string }[] };

/** The user as Synapse has it, or null. */
export async function synapseUser(userId: string): Promise<SynapseUser | null> {
  const r = await api<SynapseUser>(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { token: await adminToken() });
  return r.status === 200 ? r.body : null;
}

/** Every user whose id contains `part` (deactivated and locked included). */
export async function synapseUsersMatching(part: string): Promise<string[]> {
  const r = await api<{ users: { name: string }[] }>(
    `/_synapse/admin/v2/users?user_id=${encodeURIComponent(part)}&limit=1000&deactivated=true&locked=true`,
    { token: await adminToken() },
  );
  return r.body.users.map((u) => u.name).sort();
}

/** Waits until Synapse itself holds at least `n` users whose id contains `part` (a page's progress lags behind). */
export async function waitForSynapseUsers(part: string, n: number, timeout = 30_000) {
  await expect.poll(async () => (await synapseUsersMatching(part)).length, { timeout, intervals: [50] }).toBeGreaterThanOrEqual(n);
}
