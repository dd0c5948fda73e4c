import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError } from "./errors";
import { msg } from "@/lib/i18n/message";

type RawEvent = {
  event_id: string;
  type: string;
  sender: string;
  origin_server_ts: number;
  state_key?: string;
  content: Record<string, unknown>;
  unsigned?: { redacted_because?: unknown };
};
type RawMessages = { chunk: RawEvent[]; start: string; end?: string };

export type TimelineEvent = {
  eventId: string;
  type: string;
  sender: string;
  ts: number;
  stateKey: string | null;
  summary: string;
  redacted: boolean;
  json: string;
};

/** A page of the timeline, newest first, with the tokens of the pages around it (null: nothing there). */
export type TimelinePage = { events: TimelineEvent[]; olderFrom: string | null; newerFrom: string | null };

export const MESSAGES_PAGE_SIZE = 50;
const SUMMARY_MAX = 300;

const clip = (text: string) => (text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX)}…` : text);

/**
 * A one-line description of an event for the timeline table: the sender's own text as it is, the portal's
 * words as a message reference (render it where shown). Pure.
 */
export function summarizeEvent(e: { type: string; state_key?: string; content: Record<string, unknown>; unsigned?: { redacted_because?: unknown } }): string {
  const c = e.content ?? {};
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  if (e.unsigned?.redacted_because || Object.keys(c).length === 0) return e.type === "m.room.redaction" ? "" : msg("room.summary.redacted");
  switch (e.type) {
    case "m.room.message":
      return str(c.body) ? clip(str(c.body)) : str(c.msgtype) ? `(${clip(str(c.msgtype))})` : msg("room.summary.message");
    case "m.room.member":
      return clip(`${e.state_key ?? ""} ${str(c.membership)}${c.displayname ? ` (${str(c.displayname)})` : ""}`.trim());
    case "m.room.name":
      return msg("room.summary.name", { name: clip(str(c.name)) });
    case "m.room.topic":
      return msg("room.summary.topic", { topic: clip(str(c.topic)) });
    case "m.room.redaction":
      return c.reason ? msg("room.summary.redactsBecause", { event: str(c.redacts), reason: clip(str(c.reason)) }) : msg("room.summary.redacts", { event: str(c.redacts) });
    case "m.room.encrypted":
      return msg("room.summary.encrypted");
    default:
      return "";
  }
}

export type { RawEvent as RawTimelineEvent };

export function toEvent(e: RawEvent): TimelineEvent {
  return {
    eventId: e.event_id,
    type: e.type,
    sender: e.sender,
    ts: e.origin_server_ts,
    stateKey: e.state_key ?? null,
    summary: summarizeEvent(e),
    redacted: Boolean(e.unsigned?.redacted_because),
    json: JSON.stringify(e, null, 2),
  };
}

/**
 * Reads the timeline as an admin (no membership needed). `dir: "b"` reads older events from `from`
 * (the newest when absent); `dir: "f"` reads newer ones. Either way the page comes back newest first.
 */
export async function getRoomMessages(
  creds: SynapseCredentials,
  roomId: string,
  p: { from?: string; dir: "b" | "f"; limit?: number; filter?: { types?: string[]; senders?: string[] } },
): Promise<TimelinePage> {
  const filter = p.filter && (p.filter.types?.length || p.filter.senders?.length) ? JSON.stringify(p.filter) : undefined;
  const r = await synapseFetch<RawMessages>(creds, `/_synapse/admin/v1/rooms/${encodeId(roomId)}/messages`, {
    query: { from: p.from, dir: p.dir, limit: p.limit ?? MESSAGES_PAGE_SIZE, filter },
  });
  const events = r.chunk.map(toEvent);
  if (p.dir === "b") {
    return { events, olderFrom: r.end && events.length > 0 ? r.end : null, newerFrom: p.from ? r.start : null };
  }
  events.reverse();
  return { events, olderFrom: r.start, newerFrom: r.end && events.length > 0 ? r.end : null };
}

/** A token from which reading backwards starts at the last event sent at or before `ts`; null if none. */
export async function timelineTokenAt(creds: SynapseCredentials, roomId: string, ts: number): Promise<string | null> {
  const base = `/_synapse/admin/v1/rooms/${encodeId(roomId)}`;
  let eventId: string;
  try {
    const hit = await synapseFetch<{ event_id: string }>(creds, `${base}/timestamp_to_event`, { query: { ts, dir: "b" } });
    eventId = hit.event_id;
  } catch (e) {
    if (isSynapseError(e, "M_NOT_FOUND")) return null;
    throw e;
  }
  const ctx = await synapseFetch<{ end: string }>(creds, `${base}/context/${encodeId(eventId)}`, { query: { limit: 0 } });
  return ctx.end;
}
