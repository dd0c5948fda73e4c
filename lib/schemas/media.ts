// Media forms and list URLs: shared by the dialogs (client) and the actions and pages (server).
import { z } from "zod";
import { roomIdField, userIdField } from "./fields";
import { formatBytes, formatDateTime } from "@/lib/format";
import { msg } from "@/lib/i18n/message";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks differ a little between browser and portal: "now" typed in the form is not "the future". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export const SIZE_UNITS = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 } as const;
export type SizeUnit = keyof typeof SIZE_UNITS;
const UNIT_NAMES = Object.keys(SIZE_UNITS) as SizeUnit[];

/** "1.5" + "MB" → bytes; an empty value means no size filter (0). */
export function parseSize(value: string, unit: string): { ok: true; bytes: number } | { ok: false; message: string } {
  const text = value.trim();
  if (!(UNIT_NAMES as string[]).includes(unit)) return { ok: false, message: msg("media.errors.sizeUnit", { unit }) };
  if (text === "") return { ok: true, bytes: 0 };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false, message: msg("media.errors.sizeNumber", { text }) };
  const n = Number(text);
  if (n < 0) return { ok: false, message: msg("media.errors.sizeNegative") };
  const bytes = Math.floor(n * SIZE_UNITS[unit as SizeUnit]);
  if (!Number.isSafeInteger(bytes)) return { ok: false, message: msg("media.errors.sizeTooLarge") };
  return { ok: true, bytes };
}

/** A datetime-local value ("2026-08-28T10:00") read in the browser's time zone; NaN when not a date. */
export function localDateTimeToMs(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return Number.NaN;
  return new Date(value).getTime();
}

/** The inverse, for default values: a time as the browser's datetime-local input shows it. */
export function msToLocalDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What the portal sends to Synapse for any "before" time: a real time in ms, not in the future. */
export const beforeTsField = z
  .number({ error: msg("media.errors.chooseDate") })
  .int()
  .refine((v) => Number.isFinite(v), msg("media.errors.chooseDate"))
  .refine((v) => v >= 0, msg("media.errors.before1970"))
  .refine((v) => v <= Date.now() + CLOCK_SKEW_MS, msg("media.errors.future"));

function beforeField(message: string) {
  return z.string().superRefine((v, ctx) => {
    if (!v.trim()) return void ctx.addIssue({ code: "custom", message });
    const ms = localDateTimeToMs(v);
    if (Number.isNaN(ms)) return void ctx.addIssue({ code: "custom", message: msg("media.errors.notDate", { value: v }) });
    const r = beforeTsField.safeParse(ms);
    if (!r.success) ctx.addIssue({ code: "custom", message: r.error.issues[0].message });
  });
}

// ---- Delete media (by last access and size) ----

/** The dialog's fields as typed; the form converts them to MediaDeletionFilters before calling the server. */
export const deleteMediaFormSchema = z
  .object({
    lastAccessBefore: beforeField(msg("media.errors.chooseLastAccess")),
    sizeValue: z.string(),
    sizeUnit: z.string(),
    keepProfiles: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const size = parseSize(v.sizeValue, v.sizeUnit);
    const badUnit = !(UNIT_NAMES as string[]).includes(v.sizeUnit);
    if (!size.ok) ctx.addIssue({ code: "custom", path: [badUnit ? "sizeUnit" : "sizeValue"], message: size.message });
  });
export type DeleteMediaForm = z.infer<typeof deleteMediaFormSchema>;

export const mediaDeletionFiltersSchema = z.object({
  beforeTs: beforeTsField,
  sizeGt: z.number({ error: msg("media.errors.sizeNotNumber") }).int(msg("media.errors.sizeWhole")).min(0, msg("media.errors.sizeNegative")).max(Number.MAX_SAFE_INTEGER),
  keepProfiles: z.boolean(),
});
export type MediaDeletionFilters = z.infer<typeof mediaDeletionFiltersSchema>;

export function deleteFormToFilters(v: DeleteMediaForm): MediaDeletionFilters {
  const size = parseSize(v.sizeValue, v.sizeUnit);
  return { beforeTs: localDateTimeToMs(v.lastAccessBefore), sizeGt: size.ok ? size.bytes : 0, keepProfiles: v.keepProfiles };
}

/** The filters restated in words (English), for the purge history; the preview words them in the reader's language. */
export function describeDeletionFilters(f: MediaDeletionFilters): string {
  const parts = [
    `Local files last accessed before ${formatDateTime(new Date(f.beforeTs))} (files never accessed: uploaded before it)`,
    f.sizeGt > 0 ? `larger than ${formatBytes(f.sizeGt)} (${f.sizeGt.toLocaleString("en-US")} bytes)` : "of any size",
    f.keepProfiles ? "keeping files used as avatars (profile media)" : "including files used as avatars",
  ];
  return `${parts.join(", ")}. Protected and quarantined files are never deleted this way.`;
}

// ---- Purge remote media cache ----

export const purgeRemoteFormSchema = z.object({ lastAccessBefore: beforeField(msg("media.errors.chooseLastAccess")) });
export type PurgeRemoteForm = z.infer<typeof purgeRemoteFormSchema>;
export const purgeRemoteSchema = z.object({ beforeTs: beforeTsField });

// ---- Single files and selections ----

const serverNameField = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9.:\-[\]]+$/, msg("media.errors.serverName"))
  .refine((s) => !/^\.+$/.test(s), msg("media.errors.serverName")); // "." and ".." would walk the proxied path
const mediaIdField = z.string().min(1).max(255).regex(/^[A-Za-z0-9_\-]+$/, msg("media.errors.mediaId"));
export const mediaRefSchema = z.object({ server: serverNameField, mediaId: mediaIdField });
export type MediaRef = z.infer<typeof mediaRefSchema>;

export const MAX_SELECTION = 200;
export const deleteSelectedSchema = z.object({
  /** The user or room whose list the selection came from (for the history). */
  scope: z.string().max(300).optional(),
  files: z.array(mediaRefSchema).min(1, msg("media.errors.selectOne")).max(MAX_SELECTION, msg("media.errors.selectMax", { max: MAX_SELECTION })),
});

export const toggleMediaSchema = mediaRefSchema.extend({ flag: z.enum(["quarantine", "protect"]), on: z.boolean(), scope: z.string().max(300).optional() });

export const userScopeSchema = z.object({ userId: userIdField });
export const roomScopeSchema = z.object({ roomId: roomIdField });
/** A user's uploads or a room's media (quarantine all). */
export const mediaOwnerSchema = z.union([userScopeSchema, roomScopeSchema]);

// ---- List pages (state carried in the URL) ----

export const USAGE_ORDER = ["media_length", "media_count", "user_id", "displayname"] as const;
export const USAGE_PAGE_SIZE = 50;
export const usageQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(USAGE_ORDER).default("media_length").catch("media_length"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const USER_MEDIA_ORDER = ["created_ts", "last_access_ts", "media_length", "media_type", "upload_name"] as const;
export const MEDIA_PAGE_SIZE = 50;
export const userMediaQuerySchema = z.object({
  sort: z.enum(USER_MEDIA_ORDER).default("created_ts").catch("created_ts"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type UserMediaQuery = z.infer<typeof userMediaQuerySchema>;

export const roomMediaQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export const PURGE_KINDS = [
  "media.delete-by-date",
  "media.delete-selected",
  "media.delete-user-media",
  "media.purge-remote-cache",
  "media.quarantine",
  "media.unquarantine",
  "media.protect",
  "media.unprotect",
  "room.delete",
  "room.purge-history",
] as const;

export const PURGE_PAGE_SIZE = 50;
export const purgeHistoryQuerySchema = z.object({
  kind: z.enum(PURGE_KINDS).optional().catch(undefined),
  status: z.enum(["running", "ok", "failed"]).optional().catch(undefined),
  actor: z.string().trim().max(255).optional().catch(undefined),
  target: z.string().trim().max(255).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type PurgeHistoryQuery = z.infer<typeof purgeHistoryQuerySchema>;

export const PURGE_KIND_LABELS: Record<(typeof PURGE_KINDS)[number], string> = {
  "media.delete-by-date": "Delete media by date",
  "media.delete-selected": "Delete selected media",
  "media.delete-user-media": "Delete all of a user's media",
  "media.purge-remote-cache": "Purge remote media cache",
  "media.quarantine": "Quarantine",
  "media.unquarantine": "Unquarantine",
  "media.protect": "Protect",
  "media.unprotect": "Unprotect",
  "room.delete": "Delete room",
  "room.purge-history": "Purge room history",
};

/** The history filters as lib/db takes them (dates are whole UTC days, "to" inclusive). */
export function purgeFilterOf(q: PurgeHistoryQuery) {
  return {
    kind: q.kind,
    status: q.status,
    actor: q.actor || undefined,
    target: q.target || undefined,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
  };
}

/** A history row's filters or scope in words. */
export function describePurgeScope(kind: string, scope: Record<string, unknown>): string {
  const { beforeTs, sizeGt, keepProfiles } = scope;
  if (kind === "media.delete-by-date" && typeof beforeTs === "number" && typeof sizeGt === "number" && typeof keepProfiles === "boolean") {
    return describeDeletionFilters({ beforeTs, sizeGt, keepProfiles });
  }
  if (kind === "media.purge-remote-cache" && typeof beforeTs === "number") {
    return `Cached remote media last accessed before ${formatDateTime(new Date(beforeTs))}.`;
  }
  if (Array.isArray(scope.files)) return `${scope.files.length} selected ${scope.files.length === 1 ? "file" : "files"}: ${scope.files.join(", ")}`;
  if (typeof scope.file === "string") return scope.file;
  if (scope.all === true) return "All media";
  const text = JSON.stringify(scope);
  return text === "{}" ? "" : text;
}
