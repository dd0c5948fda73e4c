// Room IDs and aliases. Pure and client-safe.
import { isValidServerName } from "./mxid";
import { MAX_ROOM_ID_LENGTH } from "./limits";

const ROOM_ID_EXAMPLE = "!abc123:example.org";
const ALIAS_EXAMPLE = "#lobby:example.org";

export type RoomRefResult = { ok: true; value: string; kind: "id" | "alias" } | { ok: false; message: string };

/**
 * A room ID (`!opaque:server`, or `!opaque` since room version 12) or, when allowed, an alias
 * (`#name:server`). The message says what is wrong so nothing malformed reaches Synapse.
 */
export function parseRoomRef(input: string, allowAlias: boolean): RoomRefResult {
  const text = input.trim();
  const what = allowAlias ? "a room ID or alias" : "a room ID";
  const example = allowAlias ? `${ROOM_ID_EXAMPLE} or ${ALIAS_EXAMPLE}` : ROOM_ID_EXAMPLE;
  if (!text) return { ok: false, message: `Enter ${what}, like ${example}.` };
  if (text.length > MAX_ROOM_ID_LENGTH) return { ok: false, message: "That is too long for a room ID or alias (255 characters at most)." };
  if (/\s/.test(text)) return { ok: false, message: `A room ID or alias has no spaces. Enter ${what}, like ${example}.` };
  if (text.startsWith("#")) {
    if (!allowAlias) return { ok: false, message: `This needs the room ID (starting with !), not an alias. A room ID looks like ${ROOM_ID_EXAMPLE}.` };
    const m = /^#([^:]+):(.+)$/.exec(text);
    if (!m) return { ok: false, message: `"${text}" is not a valid alias: it needs a server, like ${ALIAS_EXAMPLE}.` };
    if (!isValidServerName(m[2])) return { ok: false, message: `"${m[2]}" is not a valid server name in the alias "${text}".` };
    return { ok: true, value: text, kind: "alias" };
  }
  if (text.startsWith("!")) {
    const m = /^!([^:]+)(?::(.+))?$/.exec(text);
    if (!m || !/^[\x21-\x7E]+$/.test(m[1])) return { ok: false, message: `"${text}" is not a valid room ID. A room ID looks like ${ROOM_ID_EXAMPLE}.` };
    if (m[2] !== undefined && !isValidServerName(m[2])) return { ok: false, message: `"${m[2]}" is not a valid server name in the room ID "${text}".` };
    return { ok: true, value: text, kind: "id" };
  }
  return { ok: false, message: `"${text}" is not ${what}: a room ID starts with ! (${ROOM_ID_EXAMPLE})${allowAlias ? `, an alias with # (${ALIAS_EXAMPLE})` : ""}.` };
}
