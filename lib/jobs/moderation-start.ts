// Starting the moderation jobs from a request: the portal's own checks first (local, existing users),
// so bad input sends nothing, then one job of the runtime whose view the page polls.
import "server-only";
import { getUser } from "@/lib/synapse/users";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { assertLocalUser } from "@/lib/synapse/user-errors";
import type { RedactUserEventsInput } from "@/lib/schemas/moderation";
import { getJobView, startJob, type JobOwner, type JobView } from "./jobs";
import { USER_REDACT, type UserRedactParams } from "./user-redact";

/** The kinds the moderation pages start and follow. */
export const MODERATION_KINDS = [USER_REDACT];

export async function assertUsersExist(owner: JobOwner, userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    assertLocalUser(userId, owner.actor);
    if (!(await getUser(owner.creds, userId))) throw new PortalRefusal("NOT_FOUND", `There is no user ${userId} on this homeserver.`);
  }
}

export async function startUserRedactJob(owner: JobOwner, input: RedactUserEventsInput): Promise<JobView> {
  await assertUsersExist(owner, [input.userId]);
  const params: UserRedactParams = { rooms: input.scope === "all" ? [] : input.rooms, ...(input.reason ? { reason: input.reason } : {}) };
  const id = await startJob(owner, { kind: USER_REDACT, params, items: [input.userId], phase: "queued", ownDevice: true });
  return (await getJobView(owner.homeserver, id))!;
}
