// The import file's header and rows: which columns mean what, and whether each row can become a user.
// Pure: no I/O, so every real-world shape and bad input is unit-tested.
import { CsvFileError, type Delimiter } from "./csv-reader";
import type { IdMode } from "@/lib/schemas/import";
import type { Threepid } from "@/lib/matrix/threepid";
import { IMPORT_COLUMNS as KNOWN_COLUMNS, type ImportColumn as Column } from "@/lib/csv/user-columns";
import { MAX_DISPLAYNAME_LENGTH, MAX_PASSWORD_LENGTH, MAX_USER_ID_LENGTH } from "@/lib/matrix/limits";
import { localpartRule, type LocalpartProblem } from "@/lib/matrix/mxid";
import { parseMxc } from "@/lib/matrix/mxc";
import { msg } from "@/lib/i18n/message";
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

// The separator's key under import.delimiters (the form's choice names).
function delimiterKey(d: Delimiter): "comma" | "semicolon" | "tab" {
  return d === "," ? "comma" : d === ";" ? "semicolon" : "tab";
}

/** Maps header names (case-insensitive, trimmed, any order) to columns. Throws for a header the import cannot use. */
export function readHeader(cells: string[], delimiter: Delimiter, idMode: IdMode): Header {
  const names = cells.map(normalizeHeaderCell);
  const columns = new Map<Column, number>();
  const unknown: string[] = [];
  names.forEach((name, i) => {
    if (!name) return;
    if ((KNOWN_COLUMNS as readonly string[]).includes(name)) {
      if (columns.has(name as Column)) throw new CsvFileError("duplicate-column", msg("import.fileErrors.duplicateColumn", { column: name }));
      columns.set(name as Column, i);
    } else unknown.push(cells[i].trim());
  });
  if (!columns.has("id") && !(idMode === "generate-missing" && columns.has("displayname"))) {
    const raw = cells.join(delimiter);
    for (const other of otherDelimiters(delimiter)) {
      const split = raw.split(other).map(normalizeHeaderCell);
      if (split.includes("id") || (split.length > 1 && split.some((c) => (KNOWN_COLUMNS as readonly string[]).includes(c)))) {
        throw new CsvFileError("wrong-delimiter", msg("import.fileErrors.wrongDelimiter", { found: delimiterKey(other), chosen: delimiterKey(delimiter) }));
      }
    }
    if (columns.size === 0) {
      throw new CsvFileError(
        "no-header",
        // Not quoted back: a first line of data holds a password, and this message is kept in the audit log.
        msg("import.fileErrors.noHeader", { cells: cells.length }),
      );
    }
    throw new CsvFileError(
      "no-id-column",
      msg("import.fileErrors.noIdColumn", { found: names.filter(Boolean).join(", "), hasDisplayname: columns.has("displayname") ? "yes" : "no" }),
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
  empty: () => msg("import.rowErrors.idEmptyName"),
  spaces: (l) => msg("import.rowErrors.idSpaces", { id: l }),
  uppercase: (l) => msg("import.rowErrors.idUppercase", { id: l, lower: l.toLowerCase() }),
  chars: (l) => msg("import.rowErrors.idChars", { id: l }),
  underscore: (l) => msg("import.rowErrors.idUnderscore", { id: l }),
  digits: (l) => msg("import.rowErrors.idDigits", { id: l }),
  "too-long": (l, s) => msg("import.rowErrors.idTooLong", { userId: `@${l}:${s}`, max: MAX_USER_ID_LENGTH }),
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
    if (colon < 0) return { error: msg("import.rowErrors.notFullId", { id: v, localpart: v.slice(1), full: `${v}:${serverName}` }) };
    const server = v.slice(colon + 1);
    if (server.toLowerCase() !== serverName.toLowerCase()) {
      return { error: msg("import.rowErrors.otherServer", { id: v, server, serverName }) };
    }
    v = v.slice(1, colon);
    if (!v) return { error: msg("import.rowErrors.noNameBeforeServer") };
  } else if (v.includes(":")) {
    return { error: msg("import.rowErrors.neitherNameNorId", { id: v, serverName }) };
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
      if (!EMAIL.test(address)) return { error: msg("import.rowErrors.threepidNotEmail", { entry: out.length + 1 }) };
      out.push({ medium, address: address.toLowerCase() });
    } else if (medium === "msisdn") {
      const digits = address.replace(/[\s().-]/g, "").replace(/^\+/, "");
      if (!/^\d{5,15}$/.test(digits)) return { error: msg("import.rowErrors.threepidNotPhone", { entry: out.length + 1 }) };
      out.push({ medium, address: digits });
    } else {
      return { error: msg("import.rowErrors.threepidShape", { entry: out.length + 1 }) };
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
      message: msg("import.rowErrors.cellCount", { cells: cells.length, width: header.width }),
    });
  }

  let userId: string | undefined;
  const idCell = cell("id") ?? "";
  const id = parseIdCell(idCell, ctx.serverName);
  if ("error" in id) errors.push({ column: "id", message: id.error });
  else if ("empty" in id) {
    if (ctx.idMode !== "generate-missing") errors.push({ column: "id", message: msg("import.rowErrors.idEmpty") });
    else if (!(cell("displayname") ?? "").trim()) errors.push({ column: "id", message: msg("import.rowErrors.idAndNameEmpty") });
  } else {
    input.localpart = id.localpart;
    userId = `@${id.localpart}:${ctx.serverName}`;
    const earlier = ctx.seen.get(id.localpart);
    if (earlier !== undefined) errors.push({ column: "id", message: msg("import.rowErrors.duplicateId", { id: id.localpart, earlier: String(earlier) }) });
    else ctx.seen.set(id.localpart, line);
  }

  const displayname = cell("displayname")?.trim();
  if (displayname) {
    if (length(displayname) > MAX_DISPLAYNAME_LENGTH) {
      errors.push({ column: "displayname", message: msg("import.rowErrors.displaynameTooLong", { max: MAX_DISPLAYNAME_LENGTH, length: length(displayname) }) });
    } else input.displayname = displayname;
  }

  let password: string | undefined;
  const pw = cell("password");
  if (pw) {
    if (length(pw) > MAX_PASSWORD_LENGTH) errors.push({ column: "password", message: msg("import.rowErrors.passwordTooLong", { max: MAX_PASSWORD_LENGTH }) });
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
    if (b === "invalid") errors.push({ column, message: msg("import.rowErrors.notBoolean") });
    else if (b !== undefined) input[key] = b;
  }
  if (input.isGuest === true) {
    errors.push({ column: "is_guest", message: msg("import.rowErrors.guest") });
  }
  if (input.deactivated === true && input.locked === true) {
    errors.push({ column: "locked", message: msg("import.rowErrors.deactivatedAndLocked") });
  }

  const avatar = cell("avatar_url")?.trim();
  if (avatar) {
    if (!parseMxc(avatar)) errors.push({ column: "avatar_url", message: msg("import.rowErrors.notMxc") });
    else input.avatarUrl = avatar;
  }

  const userType = cell("user_type")?.trim();
  if (userType) {
    if (!USER_TYPE.test(userType)) errors.push({ column: "user_type", message: msg("import.rowErrors.notUserType") });
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

/** All of a row's errors as one message reference ("column: problem; …"), nested so each part is rendered. */
export function describeCellErrors(errors: CellError[]): string {
  const parts = errors.map((e) => (e.column === "row" ? e.message : msg("import.rowErrors.inColumn", { column: e.column, problem: e.message })));
  return parts.length === 0 ? "" : parts.reduceRight((rest, first) => msg("import.rowErrors.joined", { first, rest }));
}
