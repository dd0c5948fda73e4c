// Federation destinations: the list's URL (search, sort) and the reset action. Client-safe.
import { z } from "zod";
import { isValidServerName } from "@/lib/matrix/mxid";
import { msg } from "@/lib/i18n/message";

export type Destination = {
  destination: string;
  /** when Synapse last tried (null: not backing off) */
  retryLastTs: number | null;
  retryIntervalMs: number;
  /** when it started failing (null: not failing) */
  failureTs: number | null;
  lastSuccessfulStreamOrdering: number | null;
};

export const DESTINATION_SORTS = ["failure_ts", "retry_last_ts", "retry_interval", "destination"] as const;
export type DestinationSort = (typeof DESTINATION_SORTS)[number];

export const destinationListQuerySchema = z.object({
  q: z.string().trim().max(255).optional().catch(undefined),
  sort: z.enum(DESTINATION_SORTS).default("failure_ts").catch("failure_ts"),
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
  destination: z.string().trim().refine(isValidServerName, msg("server.federation.errors.notServerName")),
});

export function destinationHref(destination: string): string {
  return `/server/federation/${encodeURIComponent(destination)}`;
}

/** A retry interval as an admin reads it: "45 s", "10 min", "2.5 h", "3 days" (a message reference; "—" when none). */
export function formatInterval(ms: number): string {
  if (ms <= 0) return "—";
  const s = ms / 1000;
  const at = (unit: string, n: number) => msg(`server.federation.interval.${unit}`, { n });
  if (s < 60) return at("seconds", Math.round(s));
  if (s < 3600) return at("minutes", Math.round(s / 60));
  if (s < 86400) return at("hours", Number((s / 3600).toFixed(1)));
  return at("days", Number((s / 86400).toFixed(1)));
}
