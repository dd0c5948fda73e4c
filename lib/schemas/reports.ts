// Reported events: the inbox URL, its ordering (unresolved first), and the report actions. Client-safe.
import { z } from "zod";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { parseMxid } from "@/lib/matrix/mxid";
import { msg } from "@/lib/i18n/message";

/** The inbox's sorts and resolved-state filters (their words: reports.sorts.<key>, reports.statuses.<key>). */
export const REPORT_SORTS = ["newest", "oldest", "score"] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export const REPORT_STATUSES = ["all", "unresolved", "resolved"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORTS_PAGE_SIZE = 25;

/** An inbox filter by user: a full Matrix user ID, or no filter (a malformed one is dropped). */
export const userFilterField = z
  .string()
  .trim()
  .refine((v) => v.startsWith("@") && parseMxid(v).ok)
  .optional()
  .catch(undefined);
export const inboxStatusField = z.enum(REPORT_STATUSES).default("all").catch("all");
export const inboxPageField = z.coerce.number().int().min(1).max(100_000).default(1).catch(1);

export const reportListQuerySchema = z.object({
  status: inboxStatusField,
  sort: z.enum(REPORT_SORTS).default("newest").catch("newest"),
  room: z
    .string()
    .trim()
    .refine((v) => parseRoomRef(v, false).ok)
    .optional()
    .catch(undefined),
  sender: userFilterField,
  page: inboxPageField,
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

/**
 * The URL of a report inbox (events or users): status and sort left out at their defaults, then the set
 * `filters` of `q` in that order, then the page (left out at 1).
 */
export function inboxHref<Q extends { status: string; sort: string; page: number }>(path: string, q: Q, filters: readonly (keyof Q & string)[]): string {
  const p = new URLSearchParams();
  if (q.status !== "all") p.set("status", q.status);
  if (q.sort !== "newest") p.set("sort", q.sort);
  for (const key of filters) if (q[key]) p.set(key, String(q[key]));
  if (q.page > 1) p.set("page", String(q.page));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

export function reportListHref(q: ReportListQuery, change: Partial<ReportListQuery>): string {
  return inboxHref("/reports", { ...q, ...change }, ["room", "sender"]);
}

type Arrangeable = { id: number; receivedTs: number; score: number | null };

/**
 * Filters by resolved state and orders the inbox: unresolved before resolved, then by the chosen sort
 * (score: Synapse's -100 is the most offensive; reports without a score last). Pure.
 */
export function arrangeReports<T extends Arrangeable>(reports: T[], isResolved: (id: number) => boolean, status: ReportStatus, sort: ReportSort): T[] {
  const kept = reports.filter((r) => status === "all" || (status === "resolved") === isResolved(r.id));
  const bySort = (a: T, b: T): number => {
    if (sort === "oldest") return a.receivedTs - b.receivedTs || a.id - b.id;
    if (sort === "score") {
      const sa = a.score ?? Number.POSITIVE_INFINITY;
      const sb = b.score ?? Number.POSITIVE_INFINITY;
      if (sa !== sb) return sa < sb ? -1 : 1;
    }
    return b.receivedTs - a.receivedTs || b.id - a.id;
  };
  return kept.sort((a, b) => Number(isResolved(a.id)) - Number(isResolved(b.id)) || bySort(a, b));
}

export const reportIdSchema = z.object({ reportId: z.coerce.number().int().positive(msg("reports.errors.unknown")) });
export const reportResolveSchema = reportIdSchema.extend({ resolved: z.boolean() });
export const reportRedactSchema = reportIdSchema.extend({
  reason: z.string().trim().max(500, msg("reports.errors.reasonTooLong", { max: 500 })),
});

/** One page of an inbox: its rows in inbox order, the page count, and how many of all the reports are unresolved. */
export function inboxPage<T extends Arrangeable>(reports: T[], isResolved: (id: number) => boolean, q: { status: ReportStatus; sort: ReportSort; page: number }) {
  const arranged = arrangeReports(reports, isResolved, q.status, q.sort);
  return {
    rows: arranged.slice((q.page - 1) * REPORTS_PAGE_SIZE, q.page * REPORTS_PAGE_SIZE),
    pages: Math.max(1, Math.ceil(arranged.length / REPORTS_PAGE_SIZE)),
    unresolved: reports.filter((r) => !isResolved(r.id)).length,
  };
}
