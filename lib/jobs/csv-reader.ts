// Reads an uploaded CSV as a stream of records: size limit, encoding and binary checks, separator
// detection, and the line numbers a spreadsheet shows. Never holds the whole file in memory.
import crypto from "node:crypto";
import { megabytesOf, type DelimiterChoice } from "@/lib/schemas/import";
import { msg } from "@/lib/i18n/message";
import { CsvSyntaxError, parseCsvRows } from "./csv-parse";

export type CsvProblem =
  | "empty"
  | "too-large"
  | "binary"
  | "not-utf8"
  | "spreadsheet"
  | "malformed"
  | "line-too-long"
  | "no-header"
  | "header-only"
  | "no-id-column"
  | "wrong-delimiter"
  | "duplicate-column"
  | "truncated";

/** A problem with the whole file: nothing from it is imported. */
export class CsvFileError extends Error {
  readonly name = "CsvFileError";
  constructor(
    readonly problem: CsvProblem,
    message: string,
  ) {
    super(message);
  }
}

export type CsvRecord = { line: number; cells: string[] };
export type Delimiter = "," | ";" | "\t";

export type ByteStats = { bytes: number; sha256: string };

// No cell of an import is long; a longer line is not a user list (and would have to be buffered whole).
const MAX_LINE_LENGTH = 256 * 1024;

export function tooLargeMessage(maxBytes: number): string {
  return msg("import.fileErrors.tooLarge", { megabytes: megabytesOf(maxBytes) });
}

function tooLarge(maxBytes: number): CsvFileError {
  return new CsvFileError("too-large", tooLargeMessage(maxBytes));
}

/** Counts and hashes the bytes as they pass, and stops at the size limit. `stats` is complete once the source is drained. */
export async function* meterBytes(source: AsyncIterable<Uint8Array>, maxBytes: number, stats: ByteStats): AsyncGenerator<Uint8Array> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of source) {
    stats.bytes += chunk.byteLength;
    if (stats.bytes > maxBytes) throw tooLarge(maxBytes);
    hash.update(chunk);
    yield chunk;
  }
  stats.sha256 = hash.digest("hex");
}

/** Binary formats people upload by mistake, recognised by their first bytes. */
function sniffFirstBytes(first: Uint8Array): void {
  const starts = (...sig: number[]) => sig.every((b, i) => first[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new CsvFileError("spreadsheet", msg("import.fileErrors.spreadsheet"));
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    throw new CsvFileError("not-utf8", msg("import.fileErrors.utf16"));
  }
}

/** where: a reference under import.fileErrors.notUtf8Where. */
function notUtf8(where: string): CsvFileError {
  return new CsvFileError("not-utf8", msg("import.fileErrors.notUtf8", { where }));
}

/** Follows UTF-8 byte by byte across chunks, so a bad byte is reported with its line. */
class Utf8Tracker {
  private need = 0;
  private line = 1;
  check(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.need > 0) {
        if ((b & 0xc0) !== 0x80) throw notUtf8(msg("import.fileErrors.notUtf8Where.line", { line: String(this.line) }));
        this.need--;
      } else if (b === 0x0a) this.line++;
      else if (b < 0x80) continue;
      else if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) this.need = 2;
      else if (b >= 0xf0 && b <= 0xf4) this.need = 3;
      else throw notUtf8(msg("import.fileErrors.notUtf8Where.line", { line: String(this.line) }));
    }
  }
}

/** Decodes UTF-8 strictly (a leading BOM is dropped) and refuses binary content. */
async function* decodeUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const tracker = new Utf8Tracker();
  let first = true;
  for await (const chunk of source) {
    if (chunk.byteLength === 0) continue;
    if (first) sniffFirstBytes(chunk);
    first = false;
    if (chunk.includes(0)) {
      throw new CsvFileError("binary", msg("import.fileErrors.binary"));
    }
    tracker.check(chunk);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw notUtf8(msg("import.fileErrors.notUtf8Where.somewhere"));
    }
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw notUtf8(msg("import.fileErrors.notUtf8Where.end"));
  }
}

/** Refuses a physical line longer than MAX_LINE_LENGTH, counting lines as it goes (for the message). */
async function* limitLineLength(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let run = 0;
  let lines = 1;
  for await (const chunk of chunks) {
    let last = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (c === 10) lines++;
        last = i;
      }
    }
    run = last < 0 ? run + chunk.length : chunk.length - last - 1;
    if (run > MAX_LINE_LENGTH) {
      throw new CsvFileError("line-too-long", msg("import.fileErrors.lineTooLong", { line: String(lines), kilobytes: MAX_LINE_LENGTH / 1024 }));
    }
    yield chunk;
  }
}

/** The separator used most often in the header line, outside quotes (a comma when there is none). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  let best: Delimiter = ",";
  for (const d of [";", "\t"] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** The text up to the first line break outside quotes, reading ahead only as far as needed. */
async function* withHeaderPeek(
  chunks: AsyncGenerator<string>,
  onHeader: (headerLine: string) => void,
): AsyncGenerator<string> {
  let buffered = "";
  let done = false;
  for (;;) {
    const end = firstLineEnd(buffered);
    if (end >= 0 || done || buffered.length > MAX_LINE_LENGTH) {
      onHeader(end >= 0 ? buffered.slice(0, end) : buffered.slice(0, MAX_LINE_LENGTH));
      break;
    }
    const next = await chunks.next();
    if (next.done) done = true;
    else buffered += next.value;
  }
  if (buffered) yield buffered;
  yield* chunks;
}

function firstLineEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) return i;
  }
  return -1;
}

function describeReadError(e: unknown, delimiter: Delimiter): string {
  if (!(e instanceof CsvSyntaxError)) return msg("import.fileErrors.parse.unreadable");
  if (e.kind === "unclosed-quote") return msg("import.fileErrors.parse.unclosed");
  return msg("import.fileErrors.parse.afterQuote", { separator: delimiter === "\t" ? "tab" : delimiter });
}

export type CsvReadOptions = { delimiter: DelimiterChoice; maxBytes: number; stats?: ByteStats };
export type CsvReader = { delimiter: () => Delimiter; records: AsyncGenerator<CsvRecord> };

/**
 * Records with their spreadsheet line numbers (a quoted cell spanning lines is one row, the header is line 1).
 * Blank lines are skipped but counted. Throws CsvFileError for a file that cannot be read at all.
 */
export function readCsv(source: AsyncIterable<Uint8Array>, opts: CsvReadOptions): CsvReader {
  let chosen: Delimiter = opts.delimiter === "auto" ? "," : opts.delimiter;
  const stats = opts.stats ?? { bytes: 0, sha256: "" };
  async function* records(): AsyncGenerator<CsvRecord> {
    let sawHeaderText = false;
    const text = withHeaderPeek(limitLineLength(decodeUtf8(meterBytes(source, opts.maxBytes, stats))), (header) => {
      sawHeaderText = header.trim().length > 0;
      if (opts.delimiter === "auto") chosen = detectDelimiter(header);
    });
    // Pull the first chunk so the header is seen (and the separator chosen) before the parser starts.
    const first = await text.next();
    const rows = parseCsvRows(
      (async function* () {
        if (!first.done) yield first.value;
        yield* text;
      })(),
      chosen,
    );
    let line = 0;
    let any = false;
    try {
      for await (const row of rows) {
        line++;
        if (row.length === 0 || row.every((c) => c === "")) continue;
        any = true;
        yield { line, cells: row };
      }
    } catch (e) {
      if (e instanceof CsvFileError) throw e;
      // Any other failure of the text (the upload breaking off, say) is reported as the line it stopped on.
      throw new CsvFileError("malformed", msg("import.fileErrors.malformed", { line: String(line + 1), problem: describeReadError(e, chosen) }));
    }
    if (!any && !sawHeaderText && stats.bytes === 0) throw new CsvFileError("empty", msg("import.fileErrors.empty"));
    if (!any) throw new CsvFileError("empty", msg("import.fileErrors.blankOnly"));
  }
  return { delimiter: () => chosen, records: records() };
}
