import "server-only";
import { synapseFetch, type SynapseCredentials } from "./client";
import { ACTIVE_WINDOWS_DAYS, monthKey, type UserActivity } from "@/lib/schemas/dashboard";

// Registrations per month and active users, for the dashboard. Synapse has no aggregate endpoint for either,
// so one pass over the user list (every account: guests, deactivated and locked included) yields both.

type RawUsersPage = { users: { creation_ts: number | null; last_seen_ts: number | null }[]; total: number; next_token?: string };

const PAGE = 2500;
const DAY_MS = 24 * 60 * 60 * 1000;

async function readPage(creds: SynapseCredentials, from: number): Promise<RawUsersPage> {
  return synapseFetch<RawUsersPage>(creds, "/_synapse/admin/v3/users", { query: { from, limit: PAGE, locked: true } });
}

/** `months` calendar months (UTC) up to the current one, oldest first. */
export async function getUserActivity(creds: SynapseCredentials, months = 12, now = Date.now()): Promise<UserActivity> {
  const first = await readPage(creds, 0);
  // The remaining pages at once: Synapse answers them from one indexed query each.
  const offsets: number[] = [];
  for (let from = PAGE; from < first.total; from += PAGE) offsets.push(from);
  const rest = await Promise.all(offsets.map((from) => readPage(creds, from)));

  const start = new Date(now);
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) keys.push(monthKey(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - i, 1)));
  const perMonth = new Map(keys.map((k) => [k, 0]));
  const active = ACTIVE_WINDOWS_DAYS.map(() => 0);
  let seen = 0;
  for (const page of [first, ...rest]) {
    for (const u of page.users) {
      seen++;
      if (u.creation_ts) {
        const k = monthKey(u.creation_ts);
        const n = perMonth.get(k);
        if (n !== undefined) perMonth.set(k, n + 1);
      }
      if (u.last_seen_ts) ACTIVE_WINDOWS_DAYS.forEach((days, i) => u.last_seen_ts! >= now - days * DAY_MS && active[i]++);
    }
  }
  return {
    totalUsers: Math.max(first.total, seen),
    perMonth: keys.map((month) => ({ month, count: perMonth.get(month)! })),
    active: ACTIVE_WINDOWS_DAYS.map((days, i) => ({ days, count: active[i] })),
  };
}
