// Registration tokens: the list's filters, each token's state, and the create/edit forms. Client-safe.
import { z } from "zod";
import { msg } from "@/lib/i18n/message";

export type RegistrationToken = { token: string; usesAllowed: number | null; pending: number; completed: number; expiryTime: number | null };

export const TOKEN_STATES = ["valid", "expired", "used-up"] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

/** Expired wins over used up: an expired token is refused whatever its count. */
export function tokenState(t: RegistrationToken, now: number): TokenState {
  if (t.expiryTime !== null && t.expiryTime <= now) return "expired";
  if (t.usesAllowed !== null && t.pending + t.completed >= t.usesAllowed) return "used-up";
  return "valid";
}

export const tokenListQuerySchema = z.object({
  state: z.enum(TOKEN_STATES).optional().catch(undefined),
});

/** What Synapse accepts in a token (its error text lists fewer characters than it allows). */
export const TOKEN_PATTERN = /^[A-Za-z0-9._~-]+$/;
export const TOKEN_MAX_LENGTH = 64;

const tokenText = z
  .string()
  .trim()
  .max(TOKEN_MAX_LENGTH, msg("server.tokens.errors.tooLong", { max: TOKEN_MAX_LENGTH }))
  .regex(TOKEN_PATTERN, msg("server.tokens.errors.characters"));

/** Empty = unlimited; otherwise a whole number, 0 or more (typed as text in the form). */
const usesAllowedField = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{1,9}$/.test(v), msg("server.tokens.errors.usesAllowed"))
  .transform((v) => (v === "" ? null : Number(v)));

/** ms since the epoch, computed in the browser from the admin's local date and time; null = never expires. */
const expiryField = z
  .number({ error: msg("server.tokens.errors.expiryInvalid") })
  .int()
  .nullable()
  .refine((v) => v === null || v > Date.now(), msg("server.tokens.errors.expiryPast"));

export const tokenCreateSchema = z.object({
  /** empty: Synapse generates one */
  token: z.union([z.literal(""), tokenText]),
  usesAllowed: usesAllowedField,
  expiryTime: expiryField,
});
export type TokenCreateInput = z.input<typeof tokenCreateSchema>;

export const tokenUpdateSchema = z.object({
  token: tokenText.min(1, msg("server.tokens.errors.unknown")),
  usesAllowed: usesAllowedField,
  expiryTime: expiryField,
});
export type TokenUpdateInput = z.input<typeof tokenUpdateSchema>;

export const tokenRefSchema = z.object({ token: tokenText.min(1, msg("server.tokens.errors.unknown")) });

/** The browser's reading of a `datetime-local` value (the admin's time zone); "" = none, NaN = not a date. */
export function localDateTimeToMs(value: string): number | null {
  return value.trim() === "" ? null : new Date(value).getTime();
}

/** A `datetime-local` value for ms, in the browser's time zone. */
export function msToLocalDateTime(ms: number | null): string {
  if (ms === null) return "";
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
