import "server-only";
import crypto from "node:crypto";
import type { z } from "zod";
import { record, type AuditContext } from "@/lib/audit/record";
import { describeError } from "@/lib/synapse/describe-error";
import { isSessionEnded, SynapseError } from "@/lib/synapse/errors";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { deactivateUser, setUserFlag } from "@/lib/synapse/user-lifecycle";
import { logoutEverywhere } from "@/lib/synapse/user-sessions";
import { sendServerNotice } from "@/lib/synapse/user-notices";
import { iterateUsers, listUsers, type ActorContext } from "@/lib/synapse/users";
import { assertLocalUser } from "@/lib/synapse/user-errors";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import {
  BULK_ACTION_LABELS,
  filterOf,
  MAX_BULK_USERS,
  parseUsersSearch,
  type BulkAction,
  type bulkStartSchema,
  type UsersFilter,
} from "@/lib/schemas/users";
import { runBounded, type ItemOutcome } from "./bulk-runner";

/**
 * Bulk user actions run in the portal process, outside the request that started them: the admin can
 * leave the page and come back to /users/bulk/<id>. Jobs live in memory (the admin's token is needed
 * and is never written down), so a portal restart ends them; every per-user change is in the audit log.
 */

export type BulkResult = { userId: string; ok: boolean; message: string | null };
export type BulkStatus = "running" | "done" | "cancelled" | "stopped";
export type BulkJobView = {
  id: string;
  action: BulkAction;
  label: string;
  status: BulkStatus;
  expected: number;
  /** Users to process; for "all matching", the confirmed count until the listing has finished. */
  total: number;
  listing: boolean;
  done: number;
  failed: number;
  startedAt: number;
  finishedAt: number | null;
  stopReason: string | null;
  results: BulkResult[];
};

type Job = BulkJobView & { owner: AuditContext; cancel: boolean };

export const BULK_CONCURRENCY = 4;
const MAX_KEPT_JOBS = 50;

// One registry per process; on globalThis so a dev-mode module reload does not orphan running jobs.
const registry: Map<string, Job> = ((globalThis as { __portalBulkJobs?: Map<string, Job> }).__portalBulkJobs ??= new Map());

export type BulkTargets = { userIds: string[] } | { filter: UsersFilter };
export type BulkSpec = { action: BulkAction; targets: BulkTargets; expected: number; notice?: string };

/** The one operation per user; refusals (yourself, remote users) come back as that user's failure. */
function perUser(ctx: ActorContext, spec: BulkSpec): (userId: string) => Promise<ItemOutcome> {
  switch (spec.action) {
    case "deactivate":
      return async (u) => (await deactivateUser(ctx, u, false), { ok: true });
    case "lock":
      return async (u) => (await setUserFlag(ctx, u, "locked", true), { ok: true });
    case "unlock":
      return async (u) => (await setUserFlag(ctx, u, "locked", false), { ok: true });
    case "logout":
      return async (u) => {
        const n = await logoutEverywhere(ctx, u);
        return { ok: true, message: n === 1 ? "1 device logged out" : `${n} devices logged out` };
      };
    case "notice":
      return async (u) => (await sendServerNotice(ctx, u, spec.notice ?? ""), { ok: true });
  }
}

async function* targetsOf(creds: SynapseCredentials, t: BulkTargets): AsyncGenerator<string[]> {
  if ("userIds" in t) {
    yield t.userIds;
    return;
  }
  for await (const page of iterateUsers(creds, t.filter)) yield page.map((u) => u.userId);
}

/** Starts the job and returns its id at once; the work continues after the request ends. */
export function startBulkJob(ctx: ActorContext & Pick<AuditContext, "homeserver" | "person">, spec: BulkSpec): string {
  const id = crypto.randomUUID();
  const job: Job = {
    id,
    action: spec.action,
    label: BULK_ACTION_LABELS[spec.action],
    status: "running",
    expected: spec.expected,
    total: "userIds" in spec.targets ? new Set(spec.targets.userIds).size : spec.expected,
    listing: !("userIds" in spec.targets),
    done: 0,
    failed: 0,
    startedAt: Date.now(),
    finishedAt: null,
    stopReason: null,
    results: [],
    owner: { actor: ctx.actor, homeserver: ctx.homeserver, person: ctx.person },
    cancel: false,
  };
  registry.set(id, job);
  prune();
  void run(job, ctx, spec);
  return id;
}

async function run(job: Job, ctx: ActorContext, spec: BulkSpec): Promise<void> {
  const task = perUser(ctx, spec);
  const audit = { action: `user.bulk.${spec.action}`, params: { bulkJob: job.id } };
  let sessionEnded = false;
  // Seen ids: with "all matching", a user can shift across page boundaries while others change.
  const seen = new Set<string>();
  async function* unique(): AsyncGenerator<string[]> {
    for await (const page of targetsOf(ctx.creds, spec.targets)) {
      yield page.filter((u) => !seen.has(u) && (seen.add(u), true));
    }
    job.total = seen.size;
    job.listing = false;
  }
  try {
    await runBounded(
      "userIds" in spec.targets ? [...new Set(spec.targets.userIds)] : unique(),
      BULK_CONCURRENCY,
      async (userId) => {
        try {
          const outcome = await task(userId);
          await record(job.owner, { ...audit, target: userId }, "ok");
          return outcome;
        } catch (e) {
          if (isSessionEnded(e)) sessionEnded = true;
          const ui = describeError(e);
          if (ui.code === "UNEXPECTED") console.error("[portal] bulk item failed:", e instanceof Error ? e.stack : e);
          await record(job.owner, { ...audit, target: userId }, e instanceof SynapseError ? e.errcode : ui.code, ui.message);
          return { ok: false, message: ui.message };
        }
      },
      (userId, outcome) => {
        job.done++;
        if (!outcome.ok) job.failed++;
        job.results.push({ userId, ok: outcome.ok, message: outcome.message ?? null });
      },
      () => job.cancel || sessionEnded,
    );
    if (job.cancel || sessionEnded) job.listing = false;
    job.status = job.cancel ? "cancelled" : sessionEnded ? "stopped" : "done";
    if (sessionEnded) job.stopReason = "Your session ended (signed out or token revoked), so the remaining users were not processed.";
  } catch (e) {
    // Listing the users failed (not one user's action): stop, and say why.
    job.status = "stopped";
    job.listing = false;
    job.stopReason = describeError(e).message;
    if (describeError(e).code === "UNEXPECTED") console.error("[portal] bulk job failed:", e instanceof Error ? e.stack : e);
  } finally {
    job.finishedAt = Date.now();
  }
}

/**
 * Checks what the admin confirmed still holds (the count of "all matching", local users only), then
 * starts the job. Nothing runs when the count changed: the admin confirms the new number instead.
 */
export async function startBulkFromInput(
  ctx: ActorContext & Pick<AuditContext, "homeserver" | "person">,
  input: z.output<typeof bulkStartSchema>,
): Promise<{ jobId: string }> {
  let targets: BulkTargets;
  if (input.filter !== undefined) {
    const filter = filterOf(parseUsersSearch(input.filter));
    const { total } = await listUsers(ctx.creds, filter, { offset: 0, limit: 0 });
    if (total !== input.expectedCount) {
      throw new PortalRefusal("COUNT_CHANGED", `${total} users match the filter now, not ${input.expectedCount} as confirmed. Check the list and confirm again.`);
    }
    if (total > MAX_BULK_USERS) throw new PortalRefusal("TOO_MANY", `A bulk action can cover at most ${MAX_BULK_USERS} users; narrow the filter.`);
    targets = { filter };
  } else {
    for (const u of input.userIds) assertLocalUser(u, ctx.actor);
    if (new Set(input.userIds).size !== input.expectedCount) {
      throw new PortalRefusal("COUNT_CHANGED", `${new Set(input.userIds).size} users are selected, not ${input.expectedCount} as confirmed.`);
    }
    targets = { userIds: input.userIds };
  }
  return { jobId: startBulkJob(ctx, { action: input.action, targets, expected: input.expectedCount, notice: input.notice }) };
}

function view(job: Job): BulkJobView {
  const { owner: _owner, cancel: _cancel, results, ...rest } = job;
  return { ...rest, results: [...results] };
}

/** Only the admin who started a job (on the same homeserver) can see or cancel it. */
export function getBulkJob(id: string, owner: AuditContext): BulkJobView | null {
  const job = registry.get(id);
  if (!job || job.owner.actor !== owner.actor || job.owner.homeserver !== owner.homeserver) return null;
  return view(job);
}

export function cancelBulkJob(id: string, owner: AuditContext): boolean {
  const job = registry.get(id);
  if (!job || job.owner.actor !== owner.actor || job.owner.homeserver !== owner.homeserver) return false;
  if (job.finishedAt === null) job.cancel = true;
  return true;
}

function prune() {
  if (registry.size <= MAX_KEPT_JOBS) return;
  const finished = [...registry.values()].filter((j) => j.finishedAt !== null).sort((a, b) => a.startedAt - b.startedAt);
  for (const j of finished.slice(0, registry.size - MAX_KEPT_JOBS)) registry.delete(j.id);
}
