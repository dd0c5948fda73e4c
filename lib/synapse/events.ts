import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { nullIfNotFound } from "./errors";
import { toEvent, type RawTimelineEvent, type TimelineEvent } from "./room-messages";

// One event by id (`/v1/fetch_event`, any room, no membership needed) and the events around it
// (`/v1/rooms/<room>/context/<event>`, Synapse's admin context endpoint: no membership needed either).

export type FoundEvent = TimelineEvent & { roomId: string };
export type EventContext = { before: TimelineEvent[]; after: TimelineEvent[] };

/** null when this server has no such event. */
export async function fetchEvent(creds: SynapseCredentials, eventId: string): Promise<FoundEvent | null> {
  const r = await nullIfNotFound(() => synapseFetch<{ event: RawTimelineEvent & { room_id: string } }>(creds, `/_synapse/admin/v1/fetch_event/${encodeId(eventId)}`));
  return r && { ...toEvent(r.event), roomId: r.event.room_id };
}

/** Up to `limit` events before and `limit` after, both newest first (as the timeline shows them); null if unknown. */
export async function getEventContext(creds: SynapseCredentials, roomId: string, eventId: string, limit = 10): Promise<EventContext | null> {
  const r = await nullIfNotFound(() =>
    synapseFetch<{ events_before: RawTimelineEvent[]; events_after: RawTimelineEvent[] }>(
      creds,
      `/_synapse/admin/v1/rooms/${encodeId(roomId)}/context/${encodeId(eventId)}`,
      { query: { limit: 2 * limit } }, // Synapse splits its limit between the two sides
    ),
  );
  if (!r) return null;
  return { before: r.events_before.map(toEvent), after: r.events_after.map(toEvent).reverse() };
}
