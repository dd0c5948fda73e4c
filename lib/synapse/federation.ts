import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError, nullIfNotFound } from "./errors";
import type { Destination, DestinationSort } from "@/lib/schemas/federation";

// Federation destinations (`/_synapse/admin/v1/federation/destinations`): the servers Synapse has talked to
// and its back-off state for each.

type RawDestination = {
  destination: string;
  retry_last_ts: number;
  retry_interval: number;
  failure_ts: number | null;
  last_successful_stream_ordering: number | null;
};
type RawDestinationPage = { destinations: RawDestination[]; total: number; next_token?: string };
type RawDestinationRooms = { rooms: { room_id: string; stream_ordering: number }[]; total: number; next_token?: string };

function toDestination(d: RawDestination): Destination {
  return {
    destination: d.destination,
    retryLastTs: d.retry_last_ts || null,
    retryIntervalMs: d.retry_interval,
    failureTs: d.failure_ts ?? null,
    lastSuccessfulStreamOrdering: d.last_successful_stream_ordering ?? null,
  };
}

const base = "/_synapse/admin/v1/federation/destinations";
const PAGE = 500;
/** A server with more destinations than this shows the first ones of the chosen order only. */
export const DESTINATIONS_READ_CAP = 5000;

/**
 * Destinations matching `search` (a substring of the server name) in Synapse's order for `sort`.
 * `truncated` says the cap was reached.
 */
export async function listDestinations(
  creds: SynapseCredentials,
  q: { search?: string; sort: DestinationSort; dir: "f" | "b" },
): Promise<{ destinations: Destination[]; total: number; truncated: boolean }> {
  const out: Destination[] = [];
  let from = 0;
  for (;;) {
    const page = await synapseFetch<RawDestinationPage>(creds, base, {
      query: { from, limit: PAGE, destination: q.search || undefined, order_by: q.sort, dir: q.dir },
    });
    out.push(...page.destinations.map(toDestination));
    if (page.next_token === undefined || page.destinations.length === 0) return { destinations: out, total: page.total, truncated: false };
    if (out.length >= DESTINATIONS_READ_CAP) return { destinations: out, total: page.total, truncated: true };
    from = Number(page.next_token);
  }
}

/**
 * How many destinations Synapse is backing off from (failing now), counted up to `cap`. Ordered by failure time,
 * newest first, the failing ones come as one run (first on SQLite, after the never-failed ones on PostgreSQL,
 * which sorts nulls first): the count stops where that run ends.
 */
export async function countFailingDestinations(creds: SynapseCredentials, cap = 1000): Promise<{ count: number; capped: boolean }> {
  let count = 0;
  let from = 0;
  for (;;) {
    const page = await synapseFetch<RawDestinationPage>(creds, base, { query: { from, limit: PAGE, order_by: "failure_ts", dir: "b" } });
    for (const d of page.destinations) {
      if (d.failure_ts !== null) count++;
      else if (count > 0) return { count, capped: false };
      if (count >= cap) return { count: cap, capped: true };
    }
    if (page.next_token === undefined || page.destinations.length === 0) return { count, capped: false };
    from = Number(page.next_token);
  }
}

/** null when Synapse has never talked to that server. */
export async function getDestination(creds: SynapseCredentials, destination: string): Promise<Destination | null> {
  return nullIfNotFound(async () => toDestination(await synapseFetch<RawDestination>(creds, `${base}/${encodeId(destination)}`)));
}

/** One page of the rooms this server shares with the destination; null when Synapse does not know it. */
export async function listDestinationRooms(
  creds: SynapseCredentials,
  destination: string,
  page: { from: number; limit: number },
): Promise<{ rooms: { roomId: string; streamOrdering: number }[]; total: number } | null> {
  let r: RawDestinationRooms;
  try {
    r = await synapseFetch<RawDestinationRooms>(creds, `${base}/${encodeId(destination)}/rooms`, { query: { from: page.from, limit: page.limit } });
  } catch (e) {
    if (isSynapseError(e, "M_NOT_FOUND")) return null;
    throw e;
  }
  return { rooms: r.rooms.map((x) => ({ roomId: x.room_id, streamOrdering: x.stream_ordering })), total: r.total };
}

/** Clears the back-off so Synapse retries the server now (400 from Synapse when it is not backing off). */
export async function resetDestinationConnection(creds: SynapseCredentials, destination: string): Promise<void> {
  await synapseFetch(creds, `${base}/${encodeId(destination)}/reset_connection`, { method: "POST", body: {} });
}
