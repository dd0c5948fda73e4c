// Event IDs (`$opaque`, with `:server` in room versions 1 and 2). Pure and client-safe.
import { msg } from "@/lib/i18n/message";

export type EventIdResult = { ok: true; value: string } | { ok: false; message: string };
const example = "$Lb3hN2kQ…";

/** The message (a message reference) says what is wrong, so nothing malformed reaches Synapse. */
export function parseEventId(input: string): EventIdResult {
  const text = input.trim();
  if (!text) return { ok: false, message: msg("rooms.events.invalid.empty", { example }) };
  if (text.length > 255) return { ok: false, message: msg("rooms.events.invalid.tooLong") };
  if (!text.startsWith("$")) return { ok: false, message: msg("rooms.events.invalid.noDollar", { example }) };
  if (!/^\$[\x21-\x7E]+$/.test(text) || text.length < 2) return { ok: false, message: msg("rooms.events.invalid.badCharacters", { text }) };
  return { ok: true, value: text };
}
