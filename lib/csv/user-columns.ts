// The CSV user columns: what the import reads, the template it offers, and what the export writes. Pure.
// The export takes the import's columns (id first, as a localpart), so an export re-imports cleanly;
// every cell goes through escapeCsvCell (formula injection).
import { csvLine } from "./escape-cell";

/** The columns the import understands, in the template's order. */
export const IMPORT_COLUMNS = ["id", "displayname", "password", "is_guest", "admin", "deactivated", "avatar_url", "user_type", "threepids", "locked"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const TEMPLATE_CSV = `${IMPORT_COLUMNS.join(",")}\r\n` + "jane.doe,Jane Doe,secretpassword,false,false,false,,,email:jane.doe@example.org,false\r\n";

/** Read-only facts the export adds after the import columns. */
const EXPORT_ONLY_COLUMNS = ["shadow_banned", "erased", "creation_ts", "last_seen_ts"] as const;

/**
 * The export: the import columns the user list can fill (password left empty: Synapse never reveals it;
 * the list has no threepids), then the read-only facts.
 */
export const USER_CSV_COLUMNS = [...IMPORT_COLUMNS.filter((c) => c !== "threepids"), ...EXPORT_ONLY_COLUMNS];

/** What the export needs of a user (lib/synapse's UserSummary has it). */
export type ExportedUser = {
  localpart: string;
  displayname: string | null;
  isGuest: boolean;
  admin: boolean;
  deactivated: boolean;
  avatarUrl: string | null;
  userType: string | null;
  locked: boolean;
  shadowBanned: boolean;
  erased: boolean;
  createdAt: number;
  lastSeenAt: number | null;
};

const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

export function userCsvHeader(): string {
  return csvLine([...USER_CSV_COLUMNS]);
}

export function userCsvRow(u: ExportedUser): string {
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
