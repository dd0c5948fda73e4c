import "server-only";
import crypto from "node:crypto";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError } from "./errors";
import { summarizeEvent } from "./room-messages";
import { msg } from "@/lib/i18n/message";

type RawReport = {
  id: number;
  received_ts: number;
  room_id: string;
  event_id: string;
  user_id: string;
  score: number | null;
  reason: string | null;
  sender: string;
  canonical_alias: string | null;
  name: string | null;
};
type RawReportDetail = RawReport & { event_json: { type: string; state_key?: string; content: Record<string, unknown>; origin_server_ts?: number } };

export type EventReport = {
  id: number;
  receivedTs: number;
  roomId: string;
  eventId: string;
  reporter: string;
  score: number | null;
  reason: string | null;
  sender: string;
  roomAlias: string | null;
  roomName: string | null;
};

export type EventReportDetail = EventReport & { eventType: string; eventTs: number | null; eventSummary: string; eventJson: string };

function toReport(r: RawReport): EventReport {
  return {
    id: r.id,
    receivedTs: r.received_ts,
    roomId: r.room_id,
    eventId: r.event_id,
    reporter: r.user_id,
    score: r.score ?? null,
    reason: r.reason ?? null,
    sender: r.sender,
    roomAlias: r.canonical_alias ?? null,
    roomName: r.name ?? null,
  };
}

const PAGE = 500;
/** The inbox sorts and filters by the portal's own "resolved" state, so it reads every report (up to this many). */
export const REPORTS_READ_CAP = 10_000;

/**
 * All event reports, newest first (Synapse's order), optionally for one room or one sender.
 * `truncated` says the cap was reached and older reports were left out.
 */
export async function listAllEventReports(
  creds: SynapseCredentials,
  filter: { roomId?: string; sender?: string } = {},
): Promise<{ reports: EventReport[]; total: number; truncated: boolean }> {
  return readAllReports<RawReport, EventReport>(creds, "/_synapse/admin/v1/event_reports", "event_reports", { room_id: filter.roomId, event_sender_user_id: filter.sender }, toReport);
}

/** Every page of one of Synapse's report lists (event or user reports), newest first, up to REPORTS_READ_CAP. */
export async function readAllReports<R, T>(
  creds: SynapseCredentials,
  path: string,
  field: string,
  query: Record<string, string | undefined>,
  map: (r: R) => T,
): Promise<{ reports: T[]; total: number; truncated: boolean }> {
  const reports: T[] = [];
  let from = 0;
  let total = 0;
  for (;;) {
    const page = await synapseFetch<Record<string, unknown> & { total: number; next_token?: number }>(creds, path, { query: { from, limit: PAGE, dir: "b", ...query } });
    const rows = (page[field] as R[] | undefined) ?? [];
    total = page.total;
    reports.push(...rows.map(map));
    if (page.next_token === undefined || rows.length === 0) break;
    if (reports.length >= REPORTS_READ_CAP) return { reports: reports.slice(0, REPORTS_READ_CAP), total, truncated: true };
    from = page.next_token;
  }
  return { reports, total, truncated: false };
}

/** null when there is no such report (already deleted). */
export async function getEventReport(creds: SynapseCredentials, id: number): Promise<EventReportDetail | null> {
  let r: RawReportDetail;
  try {
    r = await synapseFetch<RawReportDetail>(creds, `/_synapse/admin/v1/event_reports/${id}`);
  } catch (e) {
    if (isSynapseError(e, "M_NOT_FOUND")) return null;
    throw e;
  }
  const ev = r.event_json ?? { type: msg("reports.detail.unknownType"), content: {} };
  return {
    ...toReport(r),
    eventType: ev.type,
    eventTs: ev.origin_server_ts ?? null,
    eventSummary: summarizeEvent(ev),
    eventJson: JSON.stringify(r.event_json ?? null, null, 2),
  };
}

export async function deleteEventReport(creds: SynapseCredentials, id: number): Promise<void> {
  await synapseFetch(creds, `/_synapse/admin/v1/event_reports/${id}`, { method: "DELETE" });
}

export type RedactedAs = "sender" | "admin";

/**
 * Redacts one event. Synapse's admin API has no single-event redaction, so for a local sender the portal
 * does what Synapse's own bulk redaction does: acts as the sender (a short-lived login-as-user token,
 * logged out at once), which needs no power in the room. A remote sender's event (or a server without
 * login-as-user, e.g. under MAS) is redacted as the admin, who then needs to be in the room with redact power.
 */
export async function redactEvent(
  creds: SynapseCredentials,
  p: { roomId: string; eventId: string; sender: string; adminUserId: string; localServer: string; reason?: string },
): Promise<RedactedAs> {
  const local = p.sender.slice(p.sender.indexOf(":") + 1) === p.localServer;
  if (local && p.sender !== p.adminUserId) {
    let puppet: string | null = null;
    try {
      const r = await synapseFetch<{ access_token: string }>(creds, `/_synapse/admin/v1/users/${encodeId(p.sender)}/login`, {
        method: "POST",
        body: { valid_until_ms: Date.now() + 5 * 60_000 },
      });
      puppet = r.access_token;
    } catch (e) {
      if (!(isSynapseError(e, "M_UNRECOGNIZED") || (isSynapseError(e) && e.status === 404))) throw e;
    }
    if (puppet) {
      const as = { baseUrl: creds.baseUrl, accessToken: puppet };
      try {
        await sendRedaction(as, p.roomId, p.eventId, p.reason);
        return "sender";
      } finally {
        await synapseFetch(as, "/_matrix/client/v3/logout", { method: "POST", body: {} }).catch(() => undefined);
      }
    }
  }
  await sendRedaction(creds, p.roomId, p.eventId, p.reason);
  return "admin";
}

async function sendRedaction(creds: SynapseCredentials, roomId: string, eventId: string, reason?: string): Promise<void> {
  const txn = `portal-${crypto.randomUUID()}`;
  await synapseFetch(creds, `/_matrix/client/v3/rooms/${encodeId(roomId)}/redact/${encodeId(eventId)}/${txn}`, {
    method: "PUT",
    body: reason ? { reason } : {},
  });
}

/** Redacts the event a report points at (see redactEvent for whose name it is sent in). */
export async function redactReportedEvent(
  creds: SynapseCredentials,
  reportId: number,
  p: { adminUserId: string; localServer: string; reason?: string },
): Promise<{ as: RedactedAs; eventId: string }> {
  const report = await synapseFetch<RawReport>(creds, `/_synapse/admin/v1/event_reports/${reportId}`);
  const as = await redactEvent(creds, { roomId: report.room_id, eventId: report.event_id, sender: report.sender, ...p });
  return { as, eventId: report.event_id };
}
