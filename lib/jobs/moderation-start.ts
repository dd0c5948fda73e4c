// Starting the moderation jobs from a request: the portal's own checks first (local, existing users),
// so bad input sends nothing, then one job of the runtime whose view the page polls.
import "server-only";
import { getUser } from "@/lib/synapse/users";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { assertLocalUser } from "@/lib/synapse/user-errors";
import type { RedactUserEventsInput, SpamCleanupInput } from "@/lib/schemas/moderation";
import { assertNotSelf } from "@/lib/synapse/user-errors";
import { previewCleanup, type CleanupPreviewRow } from "@/lib/synapse/spam-cleanup";
import { mapPool } from "@/lib/pool";
import { cleanupItems, SPAM_CLEANUP, type SpamCleanupParams } from "./spam-cleanup";
import { getJobView, startJob, type JobOwner, type JobView } from "./jobs";
import { USER_REDACT, type UserRedactParams } from "./user-redact";
import { msg } from "@/lib/i18n/message";

/** The kinds the moderation pages start and follow. */
export const MODERATION_KINDS = [USER_REDACT, SPAM_CLEANUP];

export async function assertUsersExist(owner: JobOwner, userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    assertLocalUser(userId, owner.actor);
    if (!(await getUser(owner.creds, userId))) throw new PortalRefusal("NOT_FOUND", msg("moderation.outcomes.noUser", { userId }));
  }
}

export async function startUserRedactJob(owner: JobOwner, input: RedactUserEventsInput): Promise<JobView> {
  await assertUsersExist(owner, [input.userId]);
  const params: UserRedactParams = { rooms: input.scope === "all" ? [] : input.rooms, ...(input.reason ? { reason: input.reason } : {}) };
  const id = await startJob(owner, { kind: USER_REDACT, params, items: [input.userId], phase: "queued", ownDevice: true });
  return (await getJobView(owner.homeserver, id))!;
}

export type CleanupPreview = {
  rows: CleanupPreviewRow[];
  totals: { users: number; rooms: number; files: number; bytes: number };
  /** Synapse has no count of a user's events: known only once the redaction ran. */
  events: null;
};

/** What a clean-up would touch, before anything runs; a remote user or the admin themself is refused first. */
export async function previewSpamCleanup(owner: JobOwner, userIds: string[]): Promise<CleanupPreview> {
  for (const u of userIds) assertLocalUser(u, owner.actor), assertNotSelf(u, owner.actor, "cleanUp");
  const rows = (await mapPool(userIds, 4, (u) => previewCleanup(owner.creds, u))) as CleanupPreviewRow[];
  const found = rows.filter((r) => r.exists);
  const sum = (f: (r: CleanupPreviewRow) => number) => found.reduce((n, r) => n + f(r), 0);
  return { rows, totals: { users: found.length, rooms: sum((r) => r.rooms), files: sum((r) => r.files), bytes: sum((r) => (Number.isNaN(r.bytes) ? 0 : r.bytes)) }, events: null };
}

export async function startSpamCleanupJob(owner: JobOwner, input: SpamCleanupInput): Promise<JobView> {
  for (const u of input.userIds) assertNotSelf(u, owner.actor, "cleanUp");
  await assertUsersExist(owner, input.userIds);
  const params: SpamCleanupParams = { steps: input.steps, erase: input.erase, ...(input.reason ? { reason: input.reason } : {}) };
  const id = await startJob(owner, { kind: SPAM_CLEANUP, params, items: cleanupItems(input.userIds, input.steps), phase: "queued", ownDevice: true });
  return (await getJobView(owner.homeserver, id))!;
}
