// Reported events: the inbox URL, its ordering (unresolved first), and the report actions. Client-safe.
import { z } from "zod";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { parseMxid } from "@/lib/matrix/mxid";

export const REPORT_SORTS = {
  newest: "Newest first",
  oldest: "Oldest first",
  score: "Most offensive first (score)",
} as const;
export type ReportSort = keyof typeof REPORT_SORTS;

export const REPORT_STATUSES = { all: "All (unresolved first)", unresolved: "Unresolved", resolved: "Resolved" } as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;

export const REPORTS_PAGE_SIZE = 25;

export const reportListQuerySchema = z.object({
  status: z.enum(["all", "unresolved", "resolved"]).default("all").catch("all"),
  sort: z.enum(["newest", "oldest", "score"]).default("newest").catch("newest"),
  room: z
    .string()
    .trim()
    .refine((v) => parseRoomRef(v, false).ok)
    .optional()
    .catch(undefined),
  sender: z
    .string()
    .trim()
    .refine((v) => v.startsWith("@") && parseMxid(v).ok)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export function reportListHref(q: ReportListQuery, change: Partial<ReportListQuery>): string {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  if (next.status !== "all") p.set("status", next.status);
  if (next.sort !== "newest") p.set("sort", next.sort);
  if (next.room) p.set("room", next.room);
  if (next.sender) p.set("sender", next.sender);
  if (next.page > 1) p.set("page", String(next.page));
  const s = p.toString();
  return s ? `/reports?${s}` : "/reports";
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

export const reportIdSchema = z.object({ reportId: z.coerce.number().int().positive("Unknown report.") });
export const reportResolveSchema = reportIdSchema.extend({ resolved: z.boolean() });
export const reportRedactSchema = reportIdSchema.extend({
  reason: z.string().trim().max(500, "The reason is too long (500 characters at most)."),
});
