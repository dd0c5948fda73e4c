/**
 * The part every per-user job of the runtime shares ("user.bulk", "notice.broadcast"): "all matching" a
 * users-list filter is first listed into items, page by page (addItems keeps known keys, so a listing
 * cut short by a takeover just starts again from the filter in the params); then the items are worked
 * through with bounded concurrency, each marked in flight before its Synapse call and recorded after,
 * with a per-user audit entry. A run may restart at any time: it goes on with the pending and in-flight
 * items only, and hands an in-flight one (maybe done by a dead owner) to the step with `item.status`
 * still "in-flight", so the step can use an idempotent call or look the user up first.
 */
import "server-only";
import { record } from "@/lib/audit/record";
import { forHomeserver, type JobItemRecord } from "@/lib/db/tenant";
import { mapPool } from "@/lib/pool";
import { parseUsersSearch, filterOf } from "@/lib/schemas/users";
import { describeError } from "@/lib/synapse/describe-error";
import { isSessionEnded, SynapseError } from "@/lib/synapse/errors";
import { iterateUsers, type ActorContext } from "@/lib/synapse/users";
import { PauseJob, type JobEnd, type JobKind, type RunningJob } from "./job-driver";
import { jobAuditContext } from "./jobs";
import { msg } from "@/lib/i18n/message";

export type ItemOutcome = { status: "ok" | "failed" | "skipped"; message?: string | null };
/** One user's work. Throwing is that user's failure (its message is shown), except a dead token, which pauses the job. */
export type UserStep = (userId: string, item: JobItemRecord) => Promise<ItemOutcome>;

export type UserItemsSpec = {
  /** Audit action of each user's entry. */
  audit: string;
  concurrency: number;
  step: UserStep;
  /** Written on an item while it is in flight (e.g. which credential sent it). */
  inFlightNote?: string | null;
};

/** Params of a job whose users are "all matching" a filter, listed when it runs. */
export type ListedParams = { filter?: string | null; listedAt?: number };

const TOKEN_ENDED = msg("userBulk.outcomes.tokenEnded");

/** A kind whose items are users: its spec from the job's params (it needs the admin's sealed token). */
export function userItemsKind<P>(kind: string, specOf: (job: RunningJob, ctx: ActorContext, params: P) => UserItemsSpec): JobKind {
  return { kind, needsCredential: true, run: (job) => runUserItems(job, specOf(job, { creds: job.creds!, actor: job.job.actor }, job.job.params as P)) };
}

export async function runUserItems(job: RunningJob, spec: UserItemsSpec): Promise<JobEnd> {
  const ctx: ActorContext = { creds: job.creds!, actor: job.job.actor };
  const params = job.job.params as ListedParams;
  if (typeof params.filter === "string" && !job.job.result?.listed) {
    if (!(await listInto(job, ctx, params.filter, params.listedAt ?? job.job.createdAt.getTime()))) return { status: "stopped" };
  }
  const tenant = forHomeserver(job.job.homeserver).jobs;
  const counts = (await tenant.countItems(job.job.id)) ?? {};
  let done = (counts.ok ?? 0) + (counts.failed ?? 0) + (counts.skipped ?? 0);
  let failed = counts.failed ?? 0;
  let tokenEnded = false;
  const stop = () => tokenEnded || job.cancelled() || job.interrupted();
  const owner = jobAuditContext(job.job);

  async function* pages(): AsyncGenerator<JobItemRecord[]> {
    for (let after = -1; !stop(); ) {
      const rows = await job.items(["pending", "in-flight"], after, 100);
      if (rows.length === 0) return;
      after = rows[rows.length - 1].seq;
      yield rows;
    }
  }

  await job.update({ phase: "running" });
  await mapPool(
    pages(),
    spec.concurrency,
    async (item) => {
      const retry = item.status === "in-flight";
      // In flight before the call that changes Synapse: a later run that finds it so knows it may be done.
      if (!retry) await job.setItem(item.id, "in-flight", spec.inFlightNote ?? null);
      let outcome: ItemOutcome;
      let code = "ok";
      try {
        outcome = await spec.step(item.key, item);
        if (outcome.status !== "ok") code = outcome.status.toUpperCase();
      } catch (e) {
        if (isSessionEnded(e)) {
          // Refused before Synapse did anything; a retried item stays in flight (its first try is unknown).
          tokenEnded = true;
          if (!retry) await job.setItem(item.id, "pending");
          return;
        }
        const ui = describeError(e);
        if (ui.code === "UNEXPECTED") console.error(`[portal] job ${job.job.id}: ${item.key} failed:`, e instanceof Error ? e.stack : e);
        outcome = { status: "failed", message: ui.message };
        code = e instanceof SynapseError ? e.errcode : ui.code;
      }
      await job.setItem(item.id, outcome.status, outcome.message ?? null);
      await record(owner, { action: spec.audit, target: item.key, params: { job: job.job.id } }, code, outcome.message ?? undefined);
      done++;
      if (outcome.status === "failed") failed++;
      await job.update({ done, failed });
    },
    stop,
  );
  if (job.interrupted()) return { status: "stopped" };
  if (tokenEnded) throw new PauseJob(TOKEN_ENDED, true);
  const after = (await tenant.countItems(job.job.id)) ?? {};
  const ok = after.ok ?? 0;
  const skipped = after.skipped ?? 0;
  await job.update({ done, failed, phase: null });
  return { status: "completed", message: msg("userBulk.outcomes.summary", { ok, skipped, failed: after.failed ?? 0 }) };
}

/** Lists every user matching the filter into items; false when the run was stopped meanwhile. */
async function listInto(job: RunningJob, ctx: ActorContext, search: string, now: number): Promise<boolean> {
  await job.update({ phase: "listing users" });
  try {
    for await (const page of iterateUsers(ctx.creds, filterOf(parseUsersSearch(search)), { now })) {
      await job.addItems(page.map((u) => u.userId));
      if (job.cancelled() || job.interrupted()) return false;
    }
  } catch (e) {
    if (isSessionEnded(e)) throw new PauseJob(TOKEN_ENDED, true);
    if (e instanceof SynapseError || describeError(e).code !== "UNEXPECTED") {
      throw new PauseJob(msg("userBulk.outcomes.listingPaused", { reason: describeError(e).message }));
    }
    throw e;
  }
  const counts = (await forHomeserver(job.job.homeserver).jobs.countItems(job.job.id)) ?? {};
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const result = { ...(job.job.result ?? {}), listed: true };
  await job.update({ total, result });
  job.job.result = result;
  job.job.total = total;
  return true;
}
