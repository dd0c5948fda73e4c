// The room timeline's filters (event type, sender), from the messages tab's URL. Client-safe.
import { z } from "zod";
import { parseMxid } from "@/lib/matrix/mxid";
import { msg } from "@/lib/i18n/message";

/** Types an admin looks for most; the field takes any other type too. */
export const COMMON_EVENT_TYPES = ["m.room.message", "m.room.member", "m.reaction", "m.room.redaction", "m.room.encrypted", "m.sticker", "m.room.name", "m.room.topic"];

const TYPE = /^[A-Za-z0-9._\-:/]{1,255}$/;

export const timelineFilterSchema = z.object({
  type: z.string().trim().max(255).optional().catch(undefined),
  sender: z.string().trim().max(255).optional().catch(undefined),
});

export type TimelineFilter = { types?: string[]; senders?: string[] };

/** The filter for Synapse, and a sentence (a message reference) for each field that is not valid (that field is then not sent). */
export function readTimelineFilter(raw: Record<string, unknown>): { type: string; sender: string; filter: TimelineFilter; problems: string[] } {
  const q = timelineFilterSchema.parse(raw);
  const type = q.type ?? "";
  const sender = q.sender ?? "";
  const problems: string[] = [];
  const filter: TimelineFilter = {};
  if (type) {
    if (TYPE.test(type)) filter.types = [type];
    else problems.push(msg("room.messages.badType", { type }));
  }
  if (sender) {
    if (sender.startsWith("@") && parseMxid(sender).ok) filter.senders = [sender];
    else problems.push(msg("room.messages.badSender", { sender }));
  }
  return { type, sender, filter, problems };
}
