/**
 * Bulk user actions as the runtime's kind "user.bulk": durable (a restart, a takeover by another instance,
 * a closed tab lose nothing), cancelled through the database, followed on /users/bulk/<id>.
 *
 * Exactly once, per action, for an item found "in-flight" (its owner died between the call and the record):
 * - deactivate: done again only if Synapse still shows the user active; "already deactivated" on a retry
 *   is the first try's success. lock/unlock set a flag to a value: re-applying is harmless.
 * - erase: deactivation with erase; Synapse accepts it again for a deactivated user (it only marks it erased).
 * - delete-media: deletes the user's files a page at a time as listed now; a retry finds only what is left.
 * - logout: deletes the devices the user has now; a second pass finds none left (harmless).
 * - notice: the same txn id on every run (lib/jobs/notice-step.ts).
 *
 * Credential: the admin's token, sealed in the job row while the job is unfinished; jobs over
 * OWN_DEVICE_FROM users get a device of their own, so the admin signing out does not stop them.
 */
import "server-only";
import crypto from "node:crypto";
import type { z } from "zod";
import { can, type Role } from "@/lib/roles";
import { filterOf, MAX_BULK_USERS, OWNER_BULK_ACTIONS, parseUsersSearch, type BulkAction, type bulkStartSchema } from "@/lib/schemas/users";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { assertLocalUser } from "@/lib/synapse/user-errors";
import { deleteAllUserMedia } from "@/lib/synapse/media";
import { deactivateUser, setUserFlag } from "@/lib/synapse/user-lifecycle";
import { assertServerNoticesEnabled } from "@/lib/synapse/user-notices";
import { logoutEverywhere } from "@/lib/synapse/user-sessions";
import { getUser, listUsers, type ActorContext } from "@/lib/synapse/users";
import { managedSkipMessage, matchesManagedPattern } from "@/lib/matrix/managed-users";
import { forHomeserver } from "@/lib/db/tenant";
import type { RunningJob } from "./job-driver";
import { startJob, type JobOwner } from "./jobs";
import { credentialTag, noticeStep } from "./notice-step";
import { userItemsKind, type UserStep } from "./user-items";
import { msg } from "@/lib/i18n/message";

export const USER_BULK_KIND = "user.bulk";
export const BULK_CONCURRENCY = 4;
const OWN_DEVICE_FROM = 100;

/** managedPattern: the homeserver's bridge/bot pattern when the job started (managed users are left out of "all matching"). */
type BulkParams = { action: BulkAction; filter?: string | null; listedAt?: number; expected: number; notice?: string; txnSalt: string; managedPattern?: string | null };

/** "All matching" leaves managed users (bridges, bots) alone; users picked one by one are the admin's choice. */
function leavingManagedOut(ctx: ActorContext, p: BulkParams, step: UserStep): UserStep {
  if (!p.filter) return step;
  return async (u, item) => {
    const appserviceId = matchesManagedPattern(u, p.managedPattern) ? null : (await getUser(ctx.creds, u))?.appserviceId;
    const managed = managedSkipMessage(u, appserviceId, p.managedPattern);
    return managed ? { status: "skipped", message: managed } : step(u, item);
  };
}

function stepOf(job: RunningJob, ctx: ActorContext, p: BulkParams): UserStep {
  switch (p.action) {
    case "deactivate":
      return async (u, item) => {
        try {
          await deactivateUser(ctx, u, false);
        } catch (e) {
          if (item.status === "in-flight" && e instanceof PortalRefusal && e.code === "ALREADY_DEACTIVATED") return { status: "ok", message: msg("userBulk.outcomes.deactivatedFound") };
          throw e;
        }
        return { status: "ok" };
      };
    case "erase":
      return async (u) => (await deactivateUser(ctx, u, true), { status: "ok", message: msg("userBulk.outcomes.erased") });
    case "delete-media":
      return async (u) => {
        // The user in flight is finished on cancel and shutdown alike (stopping halfway would record it as done).
        const { files } = await deleteAllUserMedia(ctx.creds, u);
        return { status: "ok", message: msg("userBulk.outcomes.filesDeleted", { count: files }) };
      };
    case "lock":
    case "unlock":
      return async (u) => (await setUserFlag(ctx, u, "locked", p.action === "lock"), { status: "ok" });
    case "logout":
      return async (u) => {
        const n = await logoutEverywhere(ctx, u);
        return { status: "ok", message: msg("userBulk.outcomes.devicesLoggedOut", { count: n }) };
      };
    case "notice":
      // Users picked one by one are sent to even when they belong to an appservice (the admin chose them).
      return noticeStep(job, ctx, { text: p.notice ?? "", txnSalt: p.txnSalt, includeAppservice: !p.filter, managedPattern: p.managedPattern });
  }
}

export const userBulkKind = userItemsKind<BulkParams>(USER_BULK_KIND, (job, ctx, p) => ({
  audit: `user.bulk.${p.action}`,
  concurrency: BULK_CONCURRENCY,
  step: p.action === "notice" ? stepOf(job, ctx, p) : leavingManagedOut(ctx, p, stepOf(job, ctx, p)),
  inFlightNote: p.action === "notice" ? credentialTag(job.job.credential) : null,
}));

/**
 * Checks what the admin confirmed still holds (the count of "all matching", local users only), then
 * starts the job. Nothing runs when the count changed: the admin confirms the new number instead.
 */
export async function startBulkFromInput(admin: JobOwner & { role?: Role }, input: z.output<typeof bulkStartSchema>): Promise<{ jobId: number }> {
  if (OWNER_BULK_ACTIONS.includes(input.action) && admin.role && !can(admin.role, "owner")) throw new PortalRefusal("FORBIDDEN", msg("userBulk.refusals.ownerOnlyMedia"));
  const base = { action: input.action, expected: input.expectedCount, txnSalt: crypto.randomBytes(6).toString("hex"), ...(input.action === "notice" ? { notice: input.notice } : {}) };
  if (input.action === "notice") await assertServerNoticesEnabled(admin.creds);
  if (input.filter !== undefined) {
    const listedAt = Date.now();
    const { total } = await listUsers(admin.creds, filterOf(parseUsersSearch(input.filter)), { offset: 0, limit: 0 }, listedAt);
    if (total !== input.expectedCount) {
      throw new PortalRefusal("COUNT_CHANGED", msg("userBulk.refusals.filterCountChanged", { total, expected: input.expectedCount }));
    }
    if (total > MAX_BULK_USERS) throw new PortalRefusal("TOO_MANY", msg("userBulk.refusals.tooMany", { max: MAX_BULK_USERS }));
    const params: BulkParams = { ...base, filter: input.filter, listedAt, managedPattern: (await forHomeserver(admin.homeserver).settings.get()).managedUserPattern };
    return { jobId: await startJob(admin, { kind: USER_BULK_KIND, params, total, phase: "listing users", ownDevice: total >= OWN_DEVICE_FROM }) };
  }
  for (const u of input.userIds) assertLocalUser(u, admin.actor);
  const ids = [...new Set(input.userIds)];
  if (ids.length !== input.expectedCount) {
    throw new PortalRefusal("COUNT_CHANGED", msg("userBulk.refusals.selectedCountChanged", { count: ids.length, expected: input.expectedCount }));
  }
  return { jobId: await startJob(admin, { kind: USER_BULK_KIND, params: base, items: ids, ownDevice: ids.length >= OWN_DEVICE_FROM }) };
}
