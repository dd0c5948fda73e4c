// Users: the list's URL state and every user form/action input. Shared by forms (client) and actions (server).
import { z } from "zod";
import { displaynameField, localpartField, optionalPasswordField, passwordField, userIdField } from "./fields";
import { msg } from "@/lib/i18n/message";

// ---------- The list's URL ----------

export const USER_SORTS = ["name", "displayname", "creation_ts", "last_seen_ts", "admin", "deactivated"] as const;
export type UserSort = (typeof USER_SORTS)[number];
/** Types the list can hide ("regular" = users without a type). Synapse filters types only by exclusion. */
export const HIDEABLE_USER_TYPES = ["regular", "bot", "support"] as const;
export type HideableUserType = (typeof HIDEABLE_USER_TYPES)[number];

export const PAGE_SIZES = [10, 25, 50, 100, 250, 500] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_INACTIVE_DAYS = 36_500;

const oneOf = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.enum(values).default(fallback).catch(fallback);
const firstString = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Anything in the URL parses: an unknown value falls back to its default rather than failing the page. */
export const usersQuerySchema = z.object({
  q: z.preprocess(firstString, z.string().trim().max(255).default("").catch("")),
  page: z.preprocess(firstString, z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1)),
  size: z.preprocess(firstString, z.coerce.number().int().min(10).max(500).default(DEFAULT_PAGE_SIZE).catch(DEFAULT_PAGE_SIZE)),
  sort: z.preprocess(firstString, oneOf(USER_SORTS, "name")),
  dir: z.preprocess(firstString, oneOf(["asc", "desc"] as const, "asc")),
  deactivated: z.preprocess(firstString, oneOf(["all", "only", "exclude"], "all")),
  guests: z.preprocess(firstString, oneOf(["include", "exclude"], "include")),
  admins: z.preprocess(firstString, oneOf(["all", "only", "exclude"], "all")),
  locked: z.preprocess(firstString, oneOf(["include", "exclude"], "include")),
  hide: z.preprocess(asArray, z.array(z.enum(HIDEABLE_USER_TYPES)).catch([])).transform((v) => [...new Set(v)].sort()),
  inactive: z.preprocess(
    (v) => (firstString(v) === "" ? undefined : firstString(v)),
    z.coerce.number().int().min(1).max(MAX_INACTIVE_DAYS).optional().catch(undefined),
  ),
});
export type UsersQuery = z.infer<typeof usersQuerySchema>;
/** The filter part of the URL (no page): what "all matching the filter" and the CSV export act on. */
export type UsersFilter = Omit<UsersQuery, "page" | "size">;

const DEFAULTS = usersQuerySchema.parse({});

/** URL search string for a list view, leaving out defaults so shared links stay short. */
export function usersSearchParams(q: Partial<UsersQuery>): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["q", "sort", "dir", "deactivated", "guests", "admins", "locked", "inactive", "size", "page"] as const) {
    const value = q[key];
    if (value === undefined || value === "" || value === DEFAULTS[key]) continue;
    p.set(key, String(value));
  }
  for (const t of q.hide ?? []) p.append("hide", t);
  return p;
}

export function usersHref(q: Partial<UsersQuery>, path = "/users"): string {
  const s = usersSearchParams(q).toString();
  return s ? `${path}?${s}` : path;
}

/** The list's state from a URL search string (as the page sends it with "all matching" and the export). */
export function parseUsersSearch(search: string | URLSearchParams): UsersQuery {
  const p = typeof search === "string" ? new URLSearchParams(search) : search;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(p.keys())) {
    const all = p.getAll(key);
    raw[key] = all.length > 1 || key === "hide" ? all : all[0];
  }
  return usersQuerySchema.parse(raw);
}

export function filterOf(q: UsersQuery): UsersFilter {
  const { page: _page, size: _size, ...filter } = q;
  return filter;
}

// ---------- Fields ----------

/** Synapse allows bot, support and server-configured extra types; "" = a regular user. */
export const userTypeField = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9._-]*$/, msg("users.validation.userType"));

export const PASSWORD_MODES = ["set", "generate", "none"] as const;

// ---------- Create / edit ----------

export const THREEPID_MEDIA = ["email", "msisdn"] as const;
export const threepidSchema = z
  .object({ medium: z.enum(THREEPID_MEDIA), address: z.string().trim().min(1, msg("users.validation.enterAddress")).max(320) })
  .superRefine((v, ctx) => {
    if (v.medium === "email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.address)) {
      ctx.addIssue({ code: "custom", path: ["address"], message: msg("users.validation.notEmail", { address: v.address }) });
    }
    if (v.medium === "msisdn" && !/^\d{6,15}$/.test(v.address)) {
      ctx.addIssue({ code: "custom", path: ["address"], message: msg("users.validation.msisdn") });
    }
  });
export const externalIdSchema = z.object({
  authProvider: z.string().trim().min(1, msg("users.validation.enterProvider")).max(255),
  externalId: z.string().trim().min(1, msg("users.validation.enterExternalId")).max(255),
});

export const userCreateSchema = z
  .object({
    localpart: localpartField,
    displayname: displaynameField.default(""),
    passwordMode: z.enum(PASSWORD_MODES),
    password: optionalPasswordField,
    admin: z.boolean().default(false),
    userType: userTypeField.default(""),
    threepids: z.array(threepidSchema).max(50).default([]),
    externalIds: z.array(externalIdSchema).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.passwordMode === "set" && !v.password.trim()) ctx.addIssue({ code: "custom", path: ["password"], message: msg("users.validation.enterPassword") });
  });
export type UserCreateInput = z.input<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  userId: userIdField,
  displayname: displaynameField,
  admin: z.boolean(),
  userType: userTypeField,
  // Left out (unchanged) under MAS, which owns them.
  threepids: z.array(threepidSchema).max(50).optional(),
  externalIds: z.array(externalIdSchema).max(50),
});
export type UserUpdateInput = z.input<typeof userUpdateSchema>;

// ---------- Lifecycle ----------

export const userRefSchema = z.object({ userId: userIdField });

export const resetPasswordSchema = z
  .object({
    userId: userIdField,
    generate: z.boolean().default(false),
    password: optionalPasswordField,
    logoutDevices: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (!v.generate && !v.password.trim()) ctx.addIssue({ code: "custom", path: ["password"], message: msg("users.validation.enterNewPassword") });
  });

export const deactivateSchema = z
  .object({ userId: userIdField, confirm: z.string().trim(), erase: z.boolean().default(false), managedConfirmed: z.boolean().default(false) })
  .refine((v) => v.confirm === v.userId, { path: ["confirm"], message: msg("users.validation.typeUserId") });

export const reactivateSchema = z.object({ userId: userIdField, password: passwordField });

export const USER_FLAGS = ["locked", "suspended", "shadowBanned"] as const;
export type UserFlag = (typeof USER_FLAGS)[number];
export const setFlagSchema = z.object({ userId: userIdField, flag: z.enum(USER_FLAGS), value: z.boolean() });

export const loginAsSchema = z.object({
  userId: userIdField,
  validForMinutes: z.coerce.number().int().min(5, msg("users.validation.minMinutes")).max(7 * 24 * 60, msg("users.validation.maxMinutes")),
});

// ---------- Detail tabs ----------

export const deleteDevicesSchema = z.object({
  userId: userIdField,
  deviceIds: z.array(z.string().min(1).max(255)).min(1, msg("users.validation.selectDevice")).max(1000),
});

export const rateLimitSchema = z.object({
  userId: userIdField,
  messagesPerSecond: z.coerce.number().int(msg("users.validation.wholeMps")).min(0, msg("users.validation.zeroOrMore")),
  burstCount: z.coerce.number().int(msg("users.validation.wholeNumber")).min(0, msg("users.validation.zeroOrMore")),
});

/** The features' names are in the catalogue (user.features.names.*). */
export const EXPERIMENTAL_FEATURES = ["msc3881", "msc3575", "msc4222"] as const;
export type ExperimentalFeature = (typeof EXPERIMENTAL_FEATURES)[number];
export const experimentalFeaturesSchema = z.object({
  userId: userIdField,
  features: z.object({ msc3881: z.boolean(), msc3575: z.boolean(), msc4222: z.boolean() }),
});

// ---------- Bulk ----------

export const BULK_ACTIONS = ["deactivate", "erase", "delete-media", "lock", "unlock", "logout", "notice"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const MAX_BULK_USERS = 100_000;
/** Cannot be undone: the dialog asks to type the number of users. */
export const DESTRUCTIVE_BULK_ACTIONS: readonly BulkAction[] = ["deactivate", "erase", "delete-media"];
/** Only a portal owner deletes media (lib/roles.ts). */
export const OWNER_BULK_ACTIONS: readonly BulkAction[] = ["delete-media"];

export const bulkStartSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    /** Either explicit user IDs or "all matching" this filter (the list's URL search string). */
    userIds: z.array(userIdField).max(1000).default([]),
    filter: z.string().max(4000).optional(),
    expectedCount: z.number().int().min(1),
    notice: z.string().trim().max(10_000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.userIds.length === 0 && v.filter === undefined) ctx.addIssue({ code: "custom", path: ["userIds"], message: msg("users.validation.selectUser") });
    if (v.action === "notice" && !v.notice) ctx.addIssue({ code: "custom", path: ["notice"], message: msg("users.validation.writeNotice") });
  });
export type BulkStartInput = z.input<typeof bulkStartSchema>;

// ---------- Avatar ----------

/** Server actions accept bodies up to 1 MB, so an avatar sent through one stays below that. */
export const MAX_AVATAR_BYTES = 900 * 1024;
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

/** A problem with an avatar file, or null. Checked in the browser and again on the server. */
export function avatarProblem(file: { size: number; type: string }): string | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) return msg("users.validation.avatarType");
  if (file.size === 0) return msg("users.validation.avatarEmpty");
  if (file.size > MAX_AVATAR_BYTES) return msg("users.validation.avatarSize", { kb: Math.floor(MAX_AVATAR_BYTES / 1024) });
  return null;
}

/** The avatar upload form: `userId` and a `file` (FormData, because files do not travel as JSON). */
export const avatarUploadSchema = z.instanceof(FormData, { message: msg("users.validation.avatarForm") }).transform((fd, ctx) => {
  const userId = userIdField.safeParse(fd.get("userId"));
  const file = fd.get("file");
  if (!userId.success) {
    ctx.addIssue({ code: "custom", path: ["userId"], message: userId.error.issues[0]?.message ?? msg("users.validation.missingUser") });
    return z.NEVER;
  }
  if (!(file instanceof Blob)) {
    ctx.addIssue({ code: "custom", path: ["file"], message: msg("users.validation.chooseImage") });
    return z.NEVER;
  }
  const problem = avatarProblem(file);
  if (problem) {
    ctx.addIssue({ code: "custom", path: ["file"], message: problem });
    return z.NEVER;
  }
  return { userId: userId.data, file, filename: file instanceof File && file.name ? file.name : "avatar" };
});
