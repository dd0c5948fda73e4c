// A dry run decides every row without changing anything on Synapse, and records what a real run would do.
import "server-only";
import { msg } from "@/lib/i18n/message";
import { pendingRowsToDecide } from "@/lib/db/import-rows";
import type { RowOutcome } from "@/lib/db/import-row-writes";
import type { RowStatus } from "@/lib/schemas/import";
import { passwordForCreate } from "./import-plan";
import { decideFromSnapshot, decideRow, type JobRun } from "./import-run";
import type { StoredInput } from "./import-upload";

/** Outcomes are written in batches: one write per group of rows with the same outcome and reason. */
export async function dryRun(run: JobRun): Promise<void> {
  const jobId = run.job.id;
  let stoppedAt: number | null = null;
  for (let after = 0; ; ) {
    if (run.cancelled || run.interrupted) return;
    // Pages of 500: a page lives until its outcomes are written, and what a minor GC finds alive moves to the
    // old generation until the next major GC; pages of 2000 grew the heap by tens of MB (bench/import-dry-run.ts).
    const page = (await pendingRowsToDecide(jobId, after, 500)).map((r) => ({ id: r.id, line: r.line, userId: r.userId, parsed: JSON.parse(r.input) as StoredInput }));
    if (page.length === 0) break;
    after = page[page.length - 1].line;
    const same = new Map<string, { status: RowStatus; reason: string | null; ids: number[] }>();
    const individual: { id: number; outcome: RowOutcome }[] = [];
    const group = (status: RowStatus, reason: string | null, id: number) => {
      const key = `${status}\0${reason}`;
      const g = same.get(key) ?? { status, reason, ids: [] };
      g.ids.push(id);
      same.set(key, g);
    };
    for (const row of page) {
      if (stoppedAt !== null) {
        group("not-run", msg("import.rowReasons.wouldHaveStopped", { line: String(stoppedAt) }), row.id);
        continue;
      }
      const d = decideFromSnapshot(run, row) ?? (await decideRow(run, row));
      if (d.kind === "create") {
        const pw = passwordForCreate(run.job.options.passwords, row.parsed.hasPassword === true);
        group("would-create", msg(pw === "generate" ? "import.rowReasons.withGeneratedPassword" : pw === "csv" ? "import.rowReasons.withFilePassword" : "import.rowReasons.withoutPassword"), row.id);
      } else if (d.kind === "update") individual.push({ id: row.id, outcome: { status: "would-update", changes: JSON.stringify(d.changes) } });
      else if (d.kind === "skip") group("would-skip", d.reason, row.id);
      else {
        group("would-stop", d.reason, row.id);
        stoppedAt = row.line;
        run.stopMessage = msg("import.jobMessages.wouldStopAt", { line: String(row.line), userId: row.userId! });
      }
    }
    await run.finishEach(individual);
    for (const g of same.values()) await run.finishMany(g.ids, { status: g.status, reason: g.reason });
  }
}
