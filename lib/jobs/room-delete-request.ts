import "server-only";
import { withAudit } from "@/lib/audit/record";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { localUserExists } from "@/lib/synapse/room-task-api";
import type { roomDeleteSchema } from "@/lib/schemas/rooms";
import type { z } from "zod";
import { enqueueRoomDeletes, type JobContext } from "./room-tasks";

export type RoomDeleteRequestResult = { recordIds: number[] } | { fieldErrors: Record<string, string> };

/**
 * The delete dialog's request: checks the new-room user exists (Synapse would otherwise fail halfway,
 * after evicting members), then audits and queues one delete per room. Nothing is sent on bad input.
 */
export async function requestRoomDeletes(
  creds: SynapseCredentials,
  ctx: JobContext,
  input: z.output<typeof roomDeleteSchema>,
): Promise<RoomDeleteRequestResult> {
  const newRoomUserId = input.moveMembers ? input.newRoomUserId.trim() : null;
  if (newRoomUserId && !(await localUserExists(creds, newRoomUserId))) {
    return { fieldErrors: { newRoomUserId: `There is no user ${newRoomUserId} on this server. The new room must be created by an existing local user.` } };
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
  const recordIds = await withAudit(ctx, audit, () => enqueueRoomDeletes(creds, ctx, input.roomIds, options));
  return { recordIds };
}
