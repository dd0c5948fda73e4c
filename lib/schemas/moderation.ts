// Moderation inputs shared by forms and actions: redacting a user's events, finding a user. Client-safe.
import { z } from "zod";
import { roomIdField, userIdField } from "./fields";
import { externalIdSchema, threepidSchema } from "./users";
import { msg } from "@/lib/i18n/message";

export const REDACT_REASON_MAX = 500;

export const redactUserEventsSchema = z
  .object({
    userId: userIdField,
    scope: z.enum(["all", "chosen"], { message: msg("moderation.validation.scope") }),
    rooms: z.array(roomIdField).max(1000, msg("moderation.validation.maxRooms")).default([]),
    reason: z.string().trim().max(REDACT_REASON_MAX, msg("moderation.validation.reasonLength", { max: REDACT_REASON_MAX })).default(""),
  })
  .refine((v) => v.scope === "all" || v.rooms.length > 0, { message: msg("moderation.validation.chooseRoom"), path: ["rooms"] });
export type RedactUserEventsInput = z.infer<typeof redactUserEventsSchema>;

/**
 * Finding a user by e-mail, phone or SSO id. Synapse stores e-mail addresses lowercased and phone numbers
 * as digits only, so the input is brought to that form first ("+44 7700 900123" → "447700900123").
 */
export const findUserSchema = z.discriminatedUnion("by", [
  z.object({
    by: z.literal("threepid"),
    threepid: z.preprocess((v) => {
      if (!v || typeof v !== "object") return v;
      const t = v as { medium?: unknown; address?: unknown };
      if (typeof t.address !== "string") return v;
      const address = t.medium === "msisdn" ? t.address.replace(/[\s+\-().]/g, "") : t.address.trim().toLowerCase();
      return { ...t, address };
    }, threepidSchema),
  }),
  z.object({ by: z.literal("sso"), external: externalIdSchema }),
]);
export type FindUserInput = z.input<typeof findUserSchema>;

// ---- Spam clean-up ----

export const CLEANUP_STEPS = ["redact", "media", "rooms", "deactivate"] as const;
export type CleanupStep = (typeof CLEANUP_STEPS)[number];
export const CLEANUP_MAX_USERS = 200;

/** User IDs from a textarea (one per line, or separated by commas or spaces), deduplicated. */
export const cleanupUsersField = z
  .array(z.string())
  .transform((list) => [...new Set(list.flatMap((l) => l.split(/[\s,]+/)).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(userIdField).min(1, msg("moderation.validation.enterUser")).max(CLEANUP_MAX_USERS, msg("moderation.validation.maxUsers", { max: CLEANUP_MAX_USERS })));

export const cleanupPreviewSchema = z.object({ userIds: cleanupUsersField });
export const spamCleanupSchema = z.object({
  userIds: cleanupUsersField,
  steps: z.array(z.enum(CLEANUP_STEPS)).min(1, msg("moderation.validation.chooseStep")),
  erase: z.boolean().default(false),
  reason: z.string().trim().max(REDACT_REASON_MAX, msg("moderation.validation.reasonLength", { max: REDACT_REASON_MAX })).default(""),
});
export type SpamCleanupInput = z.infer<typeof spamCleanupSchema>;

// ---- User extras ----

export const accountValiditySchema = z.object({
  userId: userIdField,
  /** `YYYY-MM-DD` (UTC end of that day), or empty for Synapse's own period. */
  expiresOn: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && Number.isFinite(Date.parse(`${v}T23:59:59Z`))), msg("moderation.validation.date"))
    .default(""),
});
export const crossSigningResetSchema = z.object({ userId: userIdField });

export function expiryOf(expiresOn: string): number | null {
  return expiresOn ? Date.parse(`${expiresOn}T23:59:59Z`) : null;
}
