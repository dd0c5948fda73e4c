// The users CSV export. Pure: columns follow the CSV import format (id first, as a localpart), so an
// export re-imports cleanly; every cell goes through escapeCsvCell (formula injection).
import { csvLine } from "@/lib/csv/escape-cell";
import type { UserSummary } from "./users";

/** Import columns first (password left empty: Synapse never reveals it), then read-only facts. */
export const USER_CSV_COLUMNS = [
  "id",
  "displayname",
  "password",
  "is_guest",
  "admin",
  "deactivated",
  "avatar_url",
  "user_type",
  "locked",
  "shadow_banned",
  "erased",
  "creation_ts",
  "last_seen_ts",
] as const;

const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

export function userCsvHeader(): string {
  return csvLine([...USER_CSV_COLUMNS]);
}

export function userCsvRow(u: UserSummary): string {
  return csvLine([
    u.localpart,
    u.displayname ?? "",
    "",
    u.isGuest,
    u.admin,
    u.deactivated,
    u.avatarUrl ?? "",
    u.userType ?? "",
    u.locked,
    u.shadowBanned,
    u.erased,
    iso(u.createdAt),
    iso(u.lastSeenAt),
  ]);
}
