// One row of a real run: decide, choose its password, mark it in flight, send it, record the outcome.
import "server-only";
import { msg } from "@/lib/i18n/message";
import { seal, unseal } from "@/lib/crypto/seal";
import { markRowInFlight } from "@/lib/db/import-row-writes";
import { LeaseLost } from "@/lib/db/jobs";
import { describeError } from "@/lib/synapse/describe-error";
import { SynapseError } from "@/lib/synapse/errors";
import { getImportUser, putImportUser } from "@/lib/synapse/import-users";
import { checkPasswordPolicy, describePolicyViolation } from "@/lib/synapse/password-policy";
import { generatePassword } from "@/lib/synapse/user-password";
import { passwordForCreate, type Change, type Decision } from "./import-plan";
import { applyCreateOnlyFlags, resolveInFlight } from "./import-landed";
import { auditRow, decideRow, JobPaused, type JobRun, type StoredRow } from "./import-run";
import { JobStopped } from "./runtime";

export async function applyRow(run: JobRun, row: StoredRow): Promise<void> {
  const userId = row.userId!;
  let d: Decision;
  try {
    d = await decideRow(run, row);
  } catch (e) {
    if (isJobLevel(e)) throw e;
    await run.finish(row.id, { status: "failed", reason: describeError(e).message });
    return;
  }
  if (d.kind === "skip") {
    await run.finish(row.id, { status: "skipped", reason: d.reason, eraseCsvPassword: true });
    return;
  }
  if (d.kind === "stop") {
    await run.finish(row.id, { status: "failed", reason: d.reason });
    return;
  }
  const body = { ...d.body };
  let sealedGenerated: string | null = null;
  const pw = d.kind === "create" ? passwordForCreate(run.job.options.passwords, row.parsed.hasPassword === true) : d.changes.some((c) => c.field === "password") ? "csv" : "none";
  if (pw === "csv" && !row.csvPassword) {
    await run.finish(row.id, { status: "failed", reason: msg("import.rowReasons.passwordPurged") });
    return;
  }
  try {
    if (pw === "csv") body.password = unseal(row.csvPassword!, "import-password");
  } catch {
    await run.finish(row.id, { status: "failed", reason: msg("import.rowReasons.passwordUndecryptable") });
    return;
  }
  // Checked at upload too; checked again in case Synapse's policy changed since.
  const violation = pw === "csv" ? checkPasswordPolicy(run.policy, body.password as string) : null;
  if (violation) {
    await run.finish(row.id, { status: "failed", reason: msg("import.rowErrors.inColumn", { column: "password", problem: describePolicyViolation(violation) }), eraseCsvPassword: true });
    return;
  }
  if (pw === "generate") {
    const generated = generatePassword(run.policy);
    body.password = generated;
    sealedGenerated = seal(generated, "import-password");
  }
  const changes = d.kind === "update" ? JSON.stringify(d.changes) : JSON.stringify(fieldsSet(body));
  // Recorded before the call: a crash from here on is resolved by looking at the user on Synapse.
  await markRowInFlight(run.lease, row.id, d.kind, { generatedPassword: sealedGenerated, changes });
  const action = d.kind === "create" ? "user.create" : "user.update";
  try {
    const outcome = await run.retrying(
      // Not aborted by a cancel: a request that reached Synapse must get its answer recorded.
      () => putImportUser(run.creds, userId, body),
      async () => resolveInFlight({ attempt: d.kind, parsed: row.parsed, changes }, await getImportUser(run.creds, userId)),
    );
    run.snapshot.ids.add(userId);
    if (d.kind === "create") await applyCreateOnlyFlags(run, row, undefined);
    const reason = d.kind === "create" && outcome === "updated" ? msg("import.rowReasons.appearedAfterCheck") : null;
    await run.finish(row.id, { status: outcome, reason, eraseCsvPassword: true });
    await auditRow(run, action, row, "ok", d.kind === "update" ? d.changes.map((c) => c.field) : Object.keys(body));
  } catch (e) {
    if (isJobLevel(e)) throw e;
    const ui = describeError(e);
    if (ui.code === "UNEXPECTED") console.error(`[portal] import job ${run.job.id} line ${row.line}:`, e instanceof Error ? e.stack : e);
    // The call was refused, so nothing was set: the generated password is of no use.
    await run.finish(row.id, { status: "failed", reason: ui.message, generatedPassword: null });
    await auditRow(run, action, row, e instanceof SynapseError ? e.errcode : ui.code, undefined, ui.message);
  }
}

/** Errors that end the run, not the row: a pause, a stop (cancel, shutdown, lost lease), a write fenced off. */
function isJobLevel(e: unknown): boolean {
  return e instanceof JobPaused || e instanceof JobStopped || e instanceof LeaseLost;
}

function fieldsSet(body: Record<string, unknown>): Change[] {
  const column: Record<string, string> = { user_type: "user_type", avatar_url: "avatar_url" };
  return Object.entries(body).map(([k, v]) => ({
    field: column[k] ?? k,
    from: null,
    to: k === "password" ? "(password)" : k === "threepids" ? (v as { medium: string; address: string }[]).map((t) => `${t.medium}:${t.address}`).join(";") : String(v),
  }));
}
