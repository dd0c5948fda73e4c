// The import file's header and rows: which columns mean what, and whether each row can become a user.
// Pure: no I/O, so every real-world shape and bad input is unit-tested.
import { CsvFileError, type Delimiter } from "./csv-reader";
import type { IdMode } from "@/lib/schemas/import";
import type { Threepid } from "@/lib/matrix/threepid";
import { IMPORT_COLUMNS as KNOWN_COLUMNS, type ImportColumn as Column } from "@/lib/csv/user-columns";
import { MAX_DISPLAYNAME_LENGTH, MAX_PASSWORD_LENGTH, MAX_USER_ID_LENGTH } from "@/lib/matrix/limits";
import { localpartRule, type LocalpartProblem } from "@/lib/matrix/mxid";
import { parseMxc } from "@/lib/matrix/mxc";
export type { Threepid };


/** A valid row in the portal's terms. A field left out (absent column or empty cell) is "not given". */
export type ImportInput = {
  localpart?: string;
  displayname?: string;
  admin?: boolean;
  deactivated?: boolean;
  locked?: boolean;
  isGuest?: boolean;
  userType?: string;
  avatarUrl?: string;
  threepids?: Threepid[];
  hasPassword?: boolean;
};

export type CellError = { column: Column | "row"; message: string };

export type RowResult =
  | { ok: true; input: ImportInput; password?: string; userId?: string }
  | { ok: false; input: ImportInput; errors: CellError[]; userId?: string };

export type Header = { columns: Map<Column, number>; unknown: string[]; width: number };

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, "1": true, "0": false, yes: true, no: false, on: true, off: false };

function normalizeHeaderCell(cell: string): string {
  return cell.replace(/^\uFEFF/, "").trim().toLowerCase();
}

function otherDelimiters(used: Delimiter): Delimiter[] {
  return ([",", ";", "\t"] as const).filter((d) => d !== used);
}

function delimiterName(d: Delimiter): string {
  return d === "," ? "comma (,)" : d === ";" ? "semicolon (;)" : "tab";
}

/** Maps header names (case-insensitive, trimmed, any order) to columns. Throws for a header the import cannot use. */
export function readHeader(cells: string[], delimiter: Delimiter, idMode: IdMode): Header {
  const names = cells.map(normalizeHeaderCell);
  const columns = new Map<Column, number>();
  const unknown: string[] = [];
  names.forEach((name, i) => {
    if (!name) return;
    if ((KNOWN_COLUMNS as readonly string[]).includes(name)) {
      if (columns.has(name as Column)) throw new CsvFileError("duplicate-column", `Line 1: the column "${name}" appears twice in the header.`);
      columns.set(name as Column, i);
    } else unknown.push(cells[i].trim());
  });
  if (!columns.has("id") && !(idMode === "generate-missing" && columns.has("displayname"))) {
    const raw = cells.join(delimiter);
    for (const other of otherDelimiters(delimiter)) {
      const split = raw.split(other).map(normalizeHeaderCell);
      if (split.includes("id") || (split.length > 1 && split.some((c) => (KNOWN_COLUMNS as readonly string[]).includes(c)))) {
        throw new CsvFileError(
          "wrong-delimiter",
          `The file separates its cells with a ${delimiterName(other)}, not a ${delimiterName(delimiter)}. Choose "${delimiterName(other)}" or "Detect" as the separator and upload it again.`,
        );
      }
    }
    if (columns.size === 0) {
      throw new CsvFileError(
        "no-header",
        // Not quoted back: a first line of data holds a password, and this message is kept in the audit log.
        `Line 1 must be a header naming the columns, such as id,displayname,password,is_guest,admin,deactivated; it names none of them (${cells.length} cells).`,
      );
    }
    throw new CsvFileError(
      "no-id-column",
      `The file has no "id" column. The header must name it (found: ${names.filter(Boolean).join(", ")}).` +
        (columns.has("displayname") ? ' Or choose "Generate from the display name" for user ids.' : ""),
    );
  }
  return { columns, unknown, width: cells.length };
}

export type RowContext = {
  serverName: string;
  idMode: IdMode;
  /** localpart → first line it appeared on, shared across the rows of one file */
  seen: Map<string, number>;
};

/** Code points, as Synapse counts them (Python's len). */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function parseBoolean(cell: string): boolean | undefined | "invalid" {
  const v = cell.trim().toLowerCase();
  if (v === "") return undefined;
  return v in BOOLEAN_WORDS ? BOOLEAN_WORDS[v] : "invalid";
}

// The import's wording of lib/matrix's localpart rule: it names the cell, so a report line says what to fix.
const LOCALPART_MESSAGES: Record<LocalpartProblem, (localpart: string, serverName: string) => string> = {
  empty: () => "the user id is empty",
  spaces: (l) => `"${l}" contains spaces, which user ids cannot have`,
  uppercase: (l) => `"${l}" contains capital letters; user ids are lowercase (use "${l.toLowerCase()}")`,
  chars: (l) => `"${l}" contains characters a user id cannot have (allowed: a-z, 0-9 and . _ = - / +)`,
  underscore: (l) => `"${l}" starts with "_", which Synapse reserves for bridges and bots`,
  digits: (l) => `"${l}" is only digits, which Synapse reserves for guest accounts`,
  "too-long": (l, s) => `"@${l}:${s}" is longer than ${MAX_USER_ID_LENGTH} characters`,
};

/** Why a localpart cannot be a new user id, or null when it can. */
export function localpartProblem(localpart: string, serverName: string): string | null {
  const problem = localpartRule(localpart, serverName);
  return problem ? LOCALPART_MESSAGES[problem](localpart, serverName) : null;
}

/** A cell of the id column as a localpart of this server: a localpart, a full MXID, or our own export's '@…. */
export function parseIdCell(cell: string, serverName: string): { localpart: string } | { error: string } | { empty: true } {
  let v = cell.trim();
  if (v.startsWith("'@")) v = v.slice(1);
  if (!v) return { empty: true };
  if (v.startsWith("@")) {
    const colon = v.indexOf(":");
    if (colon < 0) return { error: `"${v}" is not a full user id; write "${v.slice(1)}" or "${v}:${serverName}"` };
    const server = v.slice(colon + 1);
    if (server.toLowerCase() !== serverName.toLowerCase()) {
      return { error: `"${v}" belongs to another server (${server}); only users of ${serverName} can be imported here` };
    }
    v = v.slice(1, colon);
    if (!v) return { error: "the user id has no name before the server" };
  } else if (v.includes(":")) {
    return { error: `"${v}" is neither a user name nor a full user id (@name:${serverName})` };
  }
  const problem = localpartProblem(v, serverName);
  return problem ? { error: problem } : { localpart: v };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseThreepids(cell: string): { value?: Threepid[]; error?: string } {
  const parts = cell
    .split(/[;,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return {};
  const out: Threepid[] = [];
  for (const part of parts) {
    const colon = part.indexOf(":");
    const medium = colon < 0 ? "" : part.slice(0, colon).trim().toLowerCase();
    const address = colon < 0 ? "" : part.slice(colon + 1).trim();
    if (medium === "email") {
      if (!EMAIL.test(address)) return { error: `entry ${out.length + 1} is not an email address` };
      out.push({ medium, address: address.toLowerCase() });
    } else if (medium === "msisdn") {
      const digits = address.replace(/[\s().-]/g, "").replace(/^\+/, "");
      if (!/^\d{5,15}$/.test(digits)) return { error: `entry ${out.length + 1} is not a phone number in international form (like +4915112345678)` };
      out.push({ medium, address: digits });
    } else {
      return { error: `entry ${out.length + 1} must look like email:alice@example.org or msisdn:+4915112345678` };
    }
  }
  const unique = new Map(out.map((t) => [`${t.medium}:${t.address}`, t]));
  return { value: [...unique.values()] };
}

const USER_TYPE = /^[A-Za-z0-9._-]{1,64}$/;

/** Validates one data row against the header. Never throws. */
export function checkRow(cells: string[], header: Header, ctx: RowContext, line: number): RowResult {
  const errors: CellError[] = [];
  const input: ImportInput = {};
  const cell = (c: Column): string | undefined => {
    const i = header.columns.get(c);
    return i === undefined ? undefined : (cells[i] ?? "");
  };

  const extra = cells.slice(header.width).filter((c) => c.trim() !== "");
  if (extra.length > 0) {
    errors.push({
      column: "row",
      message: `the line has ${cells.length} cells but the header has ${header.width}; quote cells that contain the separator`,
    });
  }

  let userId: string | undefined;
  const idCell = cell("id") ?? "";
  const id = parseIdCell(idCell, ctx.serverName);
  if ("error" in id) errors.push({ column: "id", message: id.error });
  else if ("empty" in id) {
    if (ctx.idMode !== "generate-missing") errors.push({ column: "id", message: "the id is empty" });
    else if (!(cell("displayname") ?? "").trim()) errors.push({ column: "id", message: "the id and the display name are empty, so no id can be made" });
  } else {
    input.localpart = id.localpart;
    userId = `@${id.localpart}:${ctx.serverName}`;
    const earlier = ctx.seen.get(id.localpart);
    if (earlier !== undefined) errors.push({ column: "id", message: `"${id.localpart}" already appears on line ${earlier}` });
    else ctx.seen.set(id.localpart, line);
  }

  const displayname = cell("displayname")?.trim();
  if (displayname) {
    if (length(displayname) > MAX_DISPLAYNAME_LENGTH) {
      errors.push({ column: "displayname", message: `the display name is longer than ${MAX_DISPLAYNAME_LENGTH} characters (${length(displayname)})` });
    } else input.displayname = displayname;
  }

  let password: string | undefined;
  const pw = cell("password");
  if (pw) {
    if (length(pw) > MAX_PASSWORD_LENGTH) errors.push({ column: "password", message: `the password is longer than ${MAX_PASSWORD_LENGTH} characters` });
    else {
      password = pw;
      input.hasPassword = true;
    }
  }

  for (const [column, key] of [
    ["admin", "admin"],
    ["deactivated", "deactivated"],
    ["locked", "locked"],
    ["is_guest", "isGuest"],
  ] as const) {
    const raw = cell(column);
    if (raw === undefined) continue;
    const b = parseBoolean(raw);
    // The cell is not quoted: in a file whose columns slipped, it may hold a password (kept in clear in errors).
    if (b === "invalid") errors.push({ column, message: "the value is not true or false (also accepted: 1/0, yes/no, on/off, empty)" });
    else if (b !== undefined) input[key] = b;
  }
  if (input.isGuest === true) {
    errors.push({ column: "is_guest", message: "guest accounts cannot be created or changed through Synapse's admin API; leave is_guest false or empty" });
  }
  if (input.deactivated === true && input.locked === true) {
    errors.push({ column: "locked", message: "a user cannot be both deactivated and locked (Synapse refuses it)" });
  }

  const avatar = cell("avatar_url")?.trim();
  if (avatar) {
    if (!parseMxc(avatar)) errors.push({ column: "avatar_url", message: "the value is not an mxc:// URL (like mxc://example.org/AbCdEf)" });
    else input.avatarUrl = avatar;
  }

  const userType = cell("user_type")?.trim();
  if (userType) {
    if (!USER_TYPE.test(userType)) errors.push({ column: "user_type", message: "the value is not a user type (bot, support, or one set in Synapse's user_types)" });
    else input.userType = userType;
  }

  const threepids = cell("threepids");
  if (threepids !== undefined) {
    const t = parseThreepids(threepids);
    if (t.error) errors.push({ column: "threepids", message: t.error });
    else if (t.value) input.threepids = t.value;
  }

  if (errors.length > 0) return { ok: false, input, errors, userId };
  return { ok: true, input, password, userId };
}

export function describeCellErrors(errors: CellError[]): string {
  return errors.map((e) => (e.column === "row" ? e.message : `${e.column}: ${e.message}`)).join("; ");
}
