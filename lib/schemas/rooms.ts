// Rooms: the list page's URL and the forms (delete, purge history, moderation).
// Client-safe: the forms and the actions share these.
import { z } from "zod";
import { msg } from "@/lib/i18n/message";
import { roomIdField, roomIdOrAliasField, userIdField } from "./fields";

// ---- List page URL ----

/** Synapse's order_by keys, each with its natural direction (Synapse's `dir=f`); labels: rooms.sorts.<key>. */
export const ROOM_SORTS = {
  name: { natural: "asc" },
  canonical_alias: { natural: "asc" },
  joined_members: { natural: "desc" },
  joined_local_members: { natural: "desc" },
  state_events: { natural: "desc" },
  version: { natural: "desc" },
  creator: { natural: "asc" },
  encryption: { natural: "asc" },
  federatable: { natural: "asc" },
  public: { natural: "asc" },
  join_rules: { natural: "asc" },
  guest_access: { natural: "asc" },
  history_visibility: { natural: "asc" },
} as const satisfies Record<string, { natural: "asc" | "desc" }>;
export type RoomSort = keyof typeof ROOM_SORTS;
export type SortOrder = "asc" | "desc";

export const ROOM_PAGE_SIZES = [25, 50, 100] as const;

const triState = z.enum(["any", "yes", "no"]).default("any").catch("any");

export const roomListQuerySchema = z.object({
  q: z.string().trim().max(255).optional().catch(undefined),
  sort: z.enum(Object.keys(ROOM_SORTS) as [RoomSort, ...RoomSort[]]).default("name").catch("name"),
  order: z.enum(["asc", "desc"]).optional().catch(undefined),
  published: triState,
  empty: triState,
  size: z.coerce.number().refine((n) => (ROOM_PAGE_SIZES as readonly number[]).includes(n)).default(25).catch(25),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type RoomListQuery = z.infer<typeof roomListQuerySchema>;

export function effectiveOrder(q: Pick<RoomListQuery, "sort" | "order">): SortOrder {
  return q.order ?? ROOM_SORTS[q.sort].natural;
}

/** Synapse's `dir`: `f` is each key's natural direction, `b` the reverse. */
export function synapseDir(sort: RoomSort, order: SortOrder): "f" | "b" {
  return ROOM_SORTS[sort].natural === order ? "f" : "b";
}

export function roomListHref(q: RoomListQuery, change: Partial<RoomListQuery>): string {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set("q", next.q);
  if (next.sort !== "name") p.set("sort", next.sort);
  if (next.order && next.order !== ROOM_SORTS[next.sort].natural) p.set("order", next.order);
  if (next.published !== "any") p.set("published", next.published);
  if (next.empty !== "any") p.set("empty", next.empty);
  if (next.size !== 25) p.set("size", String(next.size));
  if (next.page > 1) p.set("page", String(next.page));
  const s = p.toString();
  return s ? `/rooms?${s}` : "/rooms";
}

// ---- Messages tab URL ----

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export const messagesQuerySchema = z.object({
  from: z.string().max(500).regex(/^[A-Za-z0-9_~.-]+$/).optional().catch(undefined),
  dir: z.enum(["b", "f"]).default("b").catch("b"),
  at: z.string().regex(LOCAL_DATE_TIME).optional().catch(undefined),
});
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

/** A datetime-local value (`YYYY-MM-DDTHH:MM[:SS]`), read as UTC (the portal shows UTC throughout). */
export function parseUtcDateTime(value: string): number | null {
  if (!LOCAL_DATE_TIME.test(value)) return null;
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isFinite(ms) ? ms : null;
}

// ---- Forms ----

export const roomDeleteSchema = z
  .object({
    roomIds: z.array(roomIdField).min(1, msg("rooms.errors.selectRoom")).max(200, msg("rooms.errors.deleteMax", { max: 200 })),
    block: z.boolean(),
    purge: z.boolean(),
    forcePurge: z.boolean(),
    moveMembers: z.boolean(),
    newRoomUserId: z.string().max(255),
    newRoomName: z.string().trim().max(255, msg("room.delete.errors.nameTooLong", { max: 255 })),
    message: z.string().trim().max(2000, msg("room.delete.errors.messageTooLong", { max: 2000 })),
  })
  .superRefine((v, ctx) => {
    if (v.forcePurge && !v.purge) {
      ctx.addIssue({ code: "custom", path: ["forcePurge"], message: msg("room.delete.errors.forceNeedsPurge") });
    }
    if (v.moveMembers) {
      const r = userIdField.safeParse(v.newRoomUserId);
      if (!r.success) ctx.addIssue({ code: "custom", path: ["newRoomUserId"], message: r.error.issues[0].message });
    }
  });
export type RoomDeleteInput = z.input<typeof roomDeleteSchema>;

export const purgeHistorySchema = z
  .object({
    roomId: roomIdField,
    mode: z.enum(["date", "event"]),
    before: z.string(),
    eventId: z.string().trim(),
    deleteLocalEvents: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "date") {
      const ms = parseUtcDateTime(v.before);
      if (ms === null) ctx.addIssue({ code: "custom", path: ["before"], message: msg("room.purge.errors.enterDate") });
      else if (ms > Date.now()) ctx.addIssue({ code: "custom", path: ["before"], message: msg("room.purge.errors.future") });
      else if (ms < Date.UTC(2014, 0, 1)) ctx.addIssue({ code: "custom", path: ["before"], message: msg("room.purge.errors.beforeMatrix") });
    } else if (!/^\$[\x21-\x7E]+$/.test(v.eventId) || v.eventId.length > 255) {
      ctx.addIssue({ code: "custom", path: ["eventId"], message: msg("room.purge.errors.eventId") });
    }
  });
export type PurgeHistoryInput = z.input<typeof purgeHistorySchema>;

export const roomBlockSchema = z.object({ roomId: roomIdField, block: z.boolean() });
export const roomPublishSchema = z.object({ roomId: roomIdField, publish: z.boolean() });
export const roomUserSchema = z.object({ room: roomIdOrAliasField, userId: userIdField });
export const roomIdOnlySchema = z.object({ roomId: roomIdField });

/** Ids of jobs of the runtime carried in a URL (`jobs=3,4`): positive integers, at most 200. */
export function parseJobIds(value: string | string[] | null | undefined): number[] {
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  const ids = text
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  return [...new Set(ids)].slice(0, 200);
}

// ---- Bulk ----

export const ROOM_BULK_ACTIONS = ["block", "unblock", "publish", "unpublish", "quarantine-media", "delete-media"] as const;
/** Labels: rooms.bulk.actions.<action>. */
export type RoomBulkAction = (typeof ROOM_BULK_ACTIONS)[number];
/** Actions that cannot be undone: the dialog asks to type the number of rooms. */
export const DESTRUCTIVE_ROOM_ACTIONS: readonly RoomBulkAction[] = ["delete-media"];
export const MAX_BULK_ROOMS = 500;

export const roomBulkSchema = z.object({
  action: z.enum(ROOM_BULK_ACTIONS),
  roomIds: z.array(roomIdField).min(1, msg("rooms.errors.selectRoom")).max(MAX_BULK_ROOMS, msg("rooms.errors.bulkMax", { max: MAX_BULK_ROOMS })),
  /** How many rooms the admin confirmed (typed for destructive actions). */
  expectedCount: z.number().int().min(1),
});
export type RoomBulkInput = z.input<typeof roomBulkSchema>;
export const roomBulkPreviewSchema = roomBulkSchema.pick({ roomIds: true });
