// The result CSV of an import and the live progress figures. Every cell goes through escapeCsvCell.
// The CSV is in English whoever downloads it (its column names are fixed too): a file to process or forward.
import "server-only";
import { csvLine } from "@/lib/csv/escape-cell";
import { unseal } from "@/lib/crypto/seal";
import { forHomeserver, type ImportJobRecord, type ImportRowRecord } from "@/lib/db/tenant";
import type { ImportProgress } from "@/lib/schemas/import";
import { messageIn, translatorFor } from "@/lib/i18n/translator";
import type { Change } from "./import-plan";
import type { StoredInput } from "./import-upload";

/** The words in a change list that are not values: no value, and the stored password markers. */
export type ChangeWords = { none: string; password: string; newPassword: string };
const ENGLISH_CHANGE_WORDS: ChangeWords = { none: "(none)", password: "(password)", newPassword: "(new password)" };

export function describeChanges(changes: string | null, words: ChangeWords = ENGLISH_CHANGE_WORDS): string {
  if (!changes) return "";
  // The markers are stored as the English words (import-plan, import-apply-row).
  const to = (v: string | null) => (v === null ? words.none : v === "(password)" ? words.password : v === "(new password)" ? words.newPassword : v);
  return (JSON.parse(changes) as Change[]).map((c) => (c.from === null ? `${c.field}: ${to(c.to)}` : `${c.field}: ${c.from} → ${to(c.to)}`)).join("; ");
}

export function rowIdentity(r: Pick<ImportRowRecord, "userId" | "input">): string {
  if (r.userId) return r.userId;
  const input = JSON.parse(r.input) as StoredInput;
  return input.idCell ?? "";
}

/** The report, a page of rows at a time. Generated passwords appear only when `withPasswords`. */
export async function* importReportLines(job: ImportJobRecord, withPasswords: boolean): AsyncGenerator<string> {
  yield csvLine(["line", "id", "outcome", "reason", "changes", "password"]);
  const en = translatorFor("en");
  for (let after = 0; ; ) {
    const rows = await forHomeserver(job.homeserver).importRows.afterId(job.id, after, 1000);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    // Rows come in insertion order, which is the file's order.
    for (const r of rows) {
      let password = "";
      if (withPasswords && r.generatedPassword) {
        try {
          password = unseal(r.generatedPassword, "import-password");
        } catch {
          password = "(cannot be decrypted: SESSION_SECRET changed)";
        }
      }
      yield csvLine([r.line, rowIdentity(r), en(`import.rowStatus.${r.status}`), r.reason ? messageIn(r.reason) : "", describeChanges(r.changes), password]);
    }
  }
}

const RATE_WINDOW_MS = 30_000;

/** Rows per second over the last 30 s (or since the job started), read from the rows: any instance shows the same. */
async function recentRate(job: ImportJobRecord): Promise<number | null> {
  const now = Date.now();
  const windowMs = Math.min(RATE_WINDOW_MS, now - (job.startedAt ?? job.createdAt).getTime());
  if (windowMs < 1000) return null;
  const rows = await forHomeserver(job.homeserver).importRows.finishedSince(job.id, new Date(now - windowMs));
  return rows > 0 ? rows / (windowMs / 1000) : null;
}

export async function importProgress(job: ImportJobRecord): Promise<ImportProgress> {
  const c = await forHomeserver(job.homeserver).importRows.count(job.id);
  const n = (k: keyof typeof c) => c[k] ?? 0;
  const valid = job.totalRows - job.invalidRows;
  const done = n("created") + n("updated") + n("skipped") + n("failed") + n("would-create") + n("would-update") + n("would-skip") + n("would-stop") + n("not-run");
  const ratePerSecond = job.status === "running" || job.status === "cancelling" ? await recentRate(job) : null;
  const etaSeconds = ratePerSecond ? Math.ceil((valid - done) / ratePerSecond) : null;
  return {
    status: job.status,
    dryRun: job.dryRun,
    message: job.message,
    total: valid,
    done,
    created: n("created"),
    updated: n("updated"),
    skipped: n("skipped"),
    failed: n("failed"),
    planned: { create: n("would-create"), update: n("would-update"), skip: n("would-skip"), stop: n("would-stop") },
    ratePerSecond,
    etaSeconds,
  };
}
