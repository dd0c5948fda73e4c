// "Inactive for N days" on top of Synapse's user list, which cannot filter by last_seen_ts. Pure: the
// fetching is a callback, so unit tests drive it with arrays.
//
// Sorted by last_seen_ts ascending, the users not seen since the cutoff are the low end of the list,
// plus the never-seen users (null), which the database puts first (SQLite) or last (PostgreSQL).
// Binary searches over the list find those blocks, so a page costs a handful of list calls at any size.

/** Half-open offset ranges [start, end) of Synapse's last_seen_ts-ascending list. */
export type Range = readonly [number, number];

export type ProbeResult = { lastSeen: (number | null)[]; total: number };
/** One list call: `limit` rows of the ascending list starting at `offset`, and the filter's total. */
export type Probe = (offset: number, limit: number) => Promise<ProbeResult>;

export const PROBE_BLOCK = 100;

/** Where the users not seen since `cutoffMs` (never-seen users included) sit in the ascending list. */
export async function inactiveRanges(probe: Probe, cutoffMs: number, block = PROBE_BLOCK): Promise<{ ranges: Range[]; count: number }> {
  const cache = new Map<number, (number | null)[]>();
  let total = 0;
  const blockAt = async (offset: number) => {
    let rows = cache.get(offset);
    if (!rows) {
      const r = await probe(offset, block);
      total = r.total;
      rows = r.lastSeen;
      cache.set(offset, rows);
    }
    return rows;
  };

  const first = await blockAt(0);
  if (total === 0 || first.length === 0) return { ranges: [], count: 0 };
  let nulls: "first" | "last" | "none" = "none";
  if (first[0] === null) nulls = "first";
  else {
    const lastBlockStart = Math.max(0, total - block);
    const last = await blockAt(lastBlockStart);
    if (last.length > 0 && last[last.length - 1] === null) nulls = "last";
  }
  // Never-seen users count as the oldest (first) or the newest (last) activity, per the database's order.
  const key = (ts: number | null) => (ts === null ? (nulls === "first" ? -Infinity : Infinity) : ts);

  /** First index whose key satisfies pred (pred is monotone: false…false true…true). */
  const search = async (pred: (k: number) => boolean): Promise<number> => {
    let lo = 0;
    let hi = total;
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      const start = Math.max(lo, mid - Math.floor(block / 2));
      const rows = await blockAt(start);
      if (rows.length === 0) return Math.min(lo, total); // the list shrank while searching
      const idx = rows.findIndex((ts) => pred(key(ts)));
      if (idx === -1) lo = start + rows.length;
      else if (idx > 0) return start + idx;
      else hi = start;
    }
    return lo;
  };

  const activeStart = await search((k) => k >= cutoffMs);
  const ranges: Range[] = [];
  if (activeStart > 0) ranges.push([0, activeStart]);
  if (nulls === "last") {
    const nullStart = await search((k) => k === Infinity);
    if (nullStart < total) ranges.push([nullStart, total]);
  }
  return { ranges, count: ranges.reduce((n, [a, b]) => n + (b - a), 0) };
}

/** The physical list slices (offset, limit) that make up the logical rows [offset, offset + limit). */
export function sliceRanges(ranges: readonly Range[], offset: number, limit: number): { offset: number; limit: number }[] {
  const out: { offset: number; limit: number }[] = [];
  let skip = offset;
  let want = limit;
  for (const [a, b] of ranges) {
    if (want <= 0) break;
    const len = b - a;
    if (skip >= len) {
      skip -= len;
      continue;
    }
    const take = Math.min(len - skip, want);
    out.push({ offset: a + skip, limit: take });
    want -= take;
    skip = 0;
  }
  return out;
}
