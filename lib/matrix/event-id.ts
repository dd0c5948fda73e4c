// Event IDs (`$opaque`, with `:server` in room versions 1 and 2). Pure and client-safe.

export type EventIdResult = { ok: true; value: string } | { ok: false; message: string };
const EXAMPLE = "$Lb3hN2kQ…";

/** The message says what is wrong, so nothing malformed reaches Synapse. */
export function parseEventId(input: string): EventIdResult {
  const text = input.trim();
  if (!text) return { ok: false, message: `Enter an event ID, like ${EXAMPLE}.` };
  if (text.length > 255) return { ok: false, message: "That is too long for an event ID (255 characters at most)." };
  if (!text.startsWith("$")) return { ok: false, message: `An event ID starts with $, like ${EXAMPLE}.` };
  if (!/^\$[\x21-\x7E]+$/.test(text) || text.length < 2) return { ok: false, message: `"${text}" is not a valid event ID: it has spaces or characters an event ID cannot have.` };
  return { ok: true, value: text };
}
