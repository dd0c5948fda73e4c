// Room IDs and aliases. Pure and client-safe.
import { isValidServerName } from "./mxid";
import { MAX_ROOM_ID_LENGTH } from "./limits";
import { msg } from "@/lib/i18n/message";

export type RoomRefResult = { ok: true; value: string; kind: "id" | "alias" } | { ok: false; message: string };

/**
 * A room ID (`!opaque:server`, or `!opaque` since room version 12) or, when allowed, an alias
 * (`#name:server`). The message says what is wrong so nothing malformed reaches Synapse.
 */
export function parseRoomRef(input: string, allowAlias: boolean): RoomRefResult {
  const text = input.trim();
  const alias = allowAlias ? "yes" : "no";
  if (!text) return { ok: false, message: msg("fields.roomRef.empty", { alias }) };
  if (text.length > MAX_ROOM_ID_LENGTH) return { ok: false, message: msg("fields.roomRef.tooLong") };
  if (/\s/.test(text)) return { ok: false, message: msg("fields.roomRef.spaces", { alias }) };
  if (text.startsWith("#")) {
    if (!allowAlias) return { ok: false, message: msg("fields.roomRef.aliasNotAllowed") };
    const m = /^#([^:]+):(.+)$/.exec(text);
    if (!m) return { ok: false, message: msg("fields.roomRef.aliasNoServer", { text }) };
    if (!isValidServerName(m[2])) return { ok: false, message: msg("fields.roomRef.aliasBadServer", { server: m[2], text }) };
    return { ok: true, value: text, kind: "alias" };
  }
  if (text.startsWith("!")) {
    const m = /^!([^:]+)(?::(.+))?$/.exec(text);
    if (!m || !/^[\x21-\x7E]+$/.test(m[1])) return { ok: false, message: msg("fields.roomRef.badId", { text }) };
    if (m[2] !== undefined && !isValidServerName(m[2])) return { ok: false, message: msg("fields.roomRef.idBadServer", { server: m[2], text }) };
    return { ok: true, value: text, kind: "id" };
  }
  return { ok: false, message: msg("fields.roomRef.neither", { alias, text }) };
}
