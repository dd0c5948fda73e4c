// Federation destinations: the list's URL (search, sort) and the reset action. Client-safe.
import { z } from "zod";
import { isValidServerName } from "@/lib/matrix/mxid";

export type Destination = {
  destination: string;
  /** when Synapse last tried (null: not backing off) */
  retryLastTs: number | null;
  retryIntervalMs: number;
  /** when it started failing (null: not failing) */
  failureTs: number | null;
  lastSuccessfulStreamOrdering: number | null;
};

export const DESTINATION_SORTS = {
  failure_ts: "Failing since",
  retry_last_ts: "Last failed attempt",
  retry_interval: "Retry interval",
  destination: "Server name",
} as const;
export type DestinationSort = keyof typeof DESTINATION_SORTS;

export const destinationListQuerySchema = z.object({
  q: z.string().trim().max(255).optional().catch(undefined),
  sort: z.enum(["failure_ts", "retry_last_ts", "retry_interval", "destination"]).default("failure_ts").catch("failure_ts"),
  dir: z.enum(["f", "b"]).default("b").catch("b"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type DestinationListQuery = z.infer<typeof destinationListQuerySchema>;
export const DESTINATIONS_PAGE_SIZE = 50;

export function destinationListHref(q: DestinationListQuery, change: Partial<DestinationListQuery>): string {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set("q", next.q);
  if (next.sort !== "failure_ts") p.set("sort", next.sort);
  if (next.dir !== "b") p.set("dir", next.dir);
  if (next.page > 1) p.set("page", String(next.page));
  const s = p.toString();
  return s ? `/server/federation?${s}` : "/server/federation";
}

/** Failing servers first (longest failing first), then the rest in Synapse's order. Pure. */
export function failingFirst(list: Destination[]): Destination[] {
  const failing = list.filter((d) => d.failureTs !== null);
  const healthy = list.filter((d) => d.failureTs === null);
  return [...failing, ...healthy];
}

export const destinationRefSchema = z.object({
  destination: z.string().trim().refine(isValidServerName, "That is not a server name."),
});

export function destinationHref(destination: string): string {
  return `/server/federation/${encodeURIComponent(destination)}`;
}

/** A retry interval as an admin reads it: "45 s", "10 min", "2.5 h", "3 days". */
export function formatInterval(ms: number): string {
  if (ms <= 0) return "—";
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86400) return `${Number((s / 3600).toFixed(1))} h`;
  return `${Number((s / 86400).toFixed(1))} days`;
}
