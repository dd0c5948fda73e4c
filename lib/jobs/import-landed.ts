// "Did the call land?" A row is marked in flight before its PUT; when its answer is lost (a retry, a
// restart, a cancel during an outage) the user is looked up on Synapse and resolveInFlight decides.
import "server-only";
import { msg } from "@/lib/i18n/message";
import { rowsInStatus } from "@/lib/db/import-rows";
import { resetRowsToPending } from "@/lib/db/import-row-writes";
import { getImportUser, putImportUser } from "@/lib/synapse/import-users";
import { updateLanded, type Change, type ExistingUser } from "./import-plan";
import { auditRow, parseRow, type JobRun, type StoredRow } from "./import-run";

/** The outcome the row's in-flight call had, judged from the user as Synapse has it now; null: it did not land. */
export function resolveInFlight(row: Pick<StoredRow, "attempt" | "parsed" | "changes">, current: ExistingUser | null): "created" | "updated" | null {
  if (!current) return null;
  if (row.attempt === "create") return "created";
  if (row.attempt === "update" && row.changes && updateLanded(row.parsed, current, JSON.parse(row.changes) as Change[])) return "updated";
  return null;
}

/**
 * Rows still in flight when a run starts (after a restart) or ends (a cancel during an outage). At the start
 * the lookup is retried, and a call that did not land is sent again; at the end the lookup is tried once, and
 * a row whose outcome stays unknown says so.
 */
export async function settleInFlight(run: JobRun, when: "start" | "end"): Promise<void> {
  const again: number[] = [];
  for (const row of (await rowsInStatus(run.job.id, "in-flight")).map(parseRow)) {
    const lookUp = () => getImportUser(run.creds, row.userId!);
    const current = when === "start" ? await run.retrying(lookUp) : await lookUp().catch(() => undefined);
    if (current === undefined) {
      await run.finish(row.id, { status: "failed", reason: msg("import.rowReasons.unknownOutcome") });
      continue;
    }
    const landed = resolveInFlight(row, current);
    if (landed && when === "start") {
      if (landed === "created") await applyCreateOnlyFlags(run, row, current);
      await run.finish(row.id, { status: landed, reason: msg("import.rowReasons.confirmedAfterRestart"), eraseCsvPassword: true });
      await auditRow(run, landed === "created" ? "user.create" : "user.update", row, "ok");
      run.snapshot.ids.add(row.userId!);
    } else if (landed) {
      if (landed === "created") await applyCreateOnlyFlags(run, row, current).catch(() => undefined);
      await run.finish(row.id, { status: landed, eraseCsvPassword: true });
    } else if (when === "start") {
      if (current) run.snapshot.details.set(row.userId!, current);
      else run.snapshot.ids.delete(row.userId!);
      again.push(row.id);
    } else {
      await run.finish(row.id, { status: "not-run", generatedPassword: null });
    }
  }
  await resetRowsToPending(run.lease, again);
}

/**
 * Synapse ignores `deactivated` and `locked` when it creates a user, so a new user that the file wants
 * deactivated or locked gets a second call; it is idempotent, and a restart before it is caught by the
 * in-flight check (the row stays in flight until this is done).
 */
export async function applyCreateOnlyFlags(run: JobRun, row: StoredRow, current: ExistingUser | null | undefined): Promise<void> {
  const want: Record<string, boolean> = {};
  if (row.parsed.deactivated === true && !current?.deactivated) want.deactivated = true;
  if (row.parsed.locked === true && !current?.locked) want.locked = true;
  if (Object.keys(want).length === 0) return;
  await run.retrying(
    () => putImportUser(run.creds, row.userId!, want),
    async () => {
      const u = await getImportUser(run.creds, row.userId!);
      return u && (!want.deactivated || u.deactivated) && (!want.locked || u.locked) ? "updated" : null;
    },
  );
}
