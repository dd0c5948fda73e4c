// Registration tokens: the list's filters, each token's state, and the create/edit forms. Client-safe.
import { z } from "zod";

export type RegistrationToken = { token: string; usesAllowed: number | null; pending: number; completed: number; expiryTime: number | null };

export const TOKEN_STATES = { valid: "Valid", expired: "Expired", "used-up": "Used up" } as const;
export type TokenState = keyof typeof TOKEN_STATES;

/** Expired wins over used up: an expired token is refused whatever its count. */
export function tokenState(t: RegistrationToken, now: number): TokenState {
  if (t.expiryTime !== null && t.expiryTime <= now) return "expired";
  if (t.usesAllowed !== null && t.pending + t.completed >= t.usesAllowed) return "used-up";
  return "valid";
}

export const tokenListQuerySchema = z.object({
  state: z.enum(["valid", "expired", "used-up"]).optional().catch(undefined),
});

/** What Synapse accepts in a token (its error text lists fewer characters than it allows). */
export const TOKEN_PATTERN = /^[A-Za-z0-9._~-]+$/;
export const TOKEN_MAX_LENGTH = 64;

const tokenText = z
  .string()
  .trim()
  .max(TOKEN_MAX_LENGTH, `A token has ${TOKEN_MAX_LENGTH} characters at most.`)
  .regex(TOKEN_PATTERN, "A token may only contain letters A–Z and a–z, digits and . _ ~ -");

/** Empty = unlimited; otherwise a whole number, 0 or more (typed as text in the form). */
const usesAllowedField = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{1,9}$/.test(v), "Uses allowed must be a whole number, 0 or more (leave it empty for unlimited).")
  .transform((v) => (v === "" ? null : Number(v)));

/** ms since the epoch, computed in the browser from the admin's local date and time; null = never expires. */
const expiryField = z
  .number({ error: "Enter a valid date and time for the expiry." })
  .int()
  .nullable()
  .refine((v) => v === null || v > Date.now(), "The expiry must be in the future.");

export const tokenCreateSchema = z.object({
  /** empty: Synapse generates one */
  token: z.union([z.literal(""), tokenText]),
  usesAllowed: usesAllowedField,
  expiryTime: expiryField,
});
export type TokenCreateInput = z.input<typeof tokenCreateSchema>;

export const tokenUpdateSchema = z.object({
  token: tokenText.min(1, "Unknown token."),
  usesAllowed: usesAllowedField,
  expiryTime: expiryField,
});
export type TokenUpdateInput = z.input<typeof tokenUpdateSchema>;

export const tokenRefSchema = z.object({ token: tokenText.min(1, "Unknown token.") });

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
