import "server-only";
import { withAudit } from "@/lib/audit/record";
import { localUserExists } from "@/lib/synapse/room-task-api";
import type { roomDeleteSchema } from "@/lib/schemas/rooms";
import type { z } from "zod";
import { msg } from "@/lib/i18n/message";
import type { JobOwner } from "./jobs";
import { startRoomDeleteJob } from "./room-tasks";

export type RoomDeleteRequestResult = { jobId: number } | { fieldErrors: Record<string, string> };

/**
 * The delete dialog's request: checks the new-room user exists (Synapse would otherwise fail halfway,
 * after evicting members), then audits and starts one delete job for the rooms. Nothing is sent on bad input.
 */
export async function requestRoomDeletes(owner: JobOwner, input: z.output<typeof roomDeleteSchema>): Promise<RoomDeleteRequestResult> {
  const newRoomUserId = input.moveMembers ? input.newRoomUserId.trim() : null;
  if (newRoomUserId && !(await localUserExists(owner.creds, newRoomUserId))) {
    return { fieldErrors: { newRoomUserId: msg("room.delete.errors.noSuchUser", { userId: newRoomUserId }) } };
  }
  const options = {
    block: input.block,
    purge: input.purge,
    forcePurge: input.forcePurge,
    newRoom: newRoomUserId ? { userId: newRoomUserId, name: input.newRoomName || undefined, message: input.message || undefined } : undefined,
  };
  const audit = {
    action: "room.delete",
    target: input.roomIds.length === 1 ? input.roomIds[0] : `${input.roomIds.length} rooms`,
    params: { roomIds: input.roomIds, block: options.block, purge: options.purge, forcePurge: options.forcePurge, newRoomUserId, newRoomName: input.newRoomName, message: input.message },
  };
  const jobId = await withAudit(owner, audit, () => startRoomDeleteJob(owner, input.roomIds, options));
  return { jobId };
}
