// The CSV grammar of an import file, read from a stream of text: cells by index and slice, no object per
// character. It replaces fast-csv's parser, which made a token object for every character: two thirds of the
// garbage of a 100,000-row upload (bench/import-dry-run.ts), which pushed its memory past the 100 MB budget.
// It reads files exactly as fast-csv did (headers off, empty rows kept; test/unit/csv-parse.test.ts compares
// the two), quirks included, so a file means what it meant before:
// - a cell in double quotes may hold separators, line breaks and "" for a quote; white space around the
//   quotes is dropped, and anything else after the closing quote is an error;
// - an unquoted cell is taken as it is, white space and stray quotes included;
// - rows end at \r\n, \n or \r; a row of nothing but white space is an empty row, and so is white space
//   before the first separator of a row (" ,a" is ["", "a"]).

/** A syntax error in the file: a quoted cell never closed, or text after a closing quote. */
export class CsvSyntaxError extends Error {
  readonly name = "CsvSyntaxError";
  constructor(readonly kind: "unclosed-quote" | "after-quote") {
    super(kind === "unclosed-quote" ? "a quoted cell is never closed" : "text follows a closing quote");
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** fast-csv skipped what a regular expression's \s matches (but never the separator or a line break). */
function isBlank(c: number, delimiter: number): boolean {
  if (c === delimiter || c === CR || c === LF) return false;
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Not enough text yet to know how the row ends. */
const MORE = null;

type Parsed = { cells: string[]; next: number } | typeof MORE;

class RowReader {
  constructor(
    private readonly text: string,
    private readonly delimiter: number,
    /** no more text will follow */
    private readonly final: boolean,
  ) {}

  private at(i: number): number {
    return this.text.charCodeAt(i);
  }

  /** The first position from i that is not white space (text.length when there is none). */
  private skipBlanks(i: number): number {
    const n = this.text.length;
    while (i < n && isBlank(this.at(i), this.delimiter)) i++;
    return i;
  }

  /** After a line break at i: where the next row starts, or MORE when a \r ends the text so far. */
  private afterLineBreak(i: number): number | typeof MORE {
    if (this.at(i) === LF) return i + 1;
    if (i + 1 < this.text.length) return this.at(i + 1) === LF ? i + 2 : i + 1;
    return this.final ? i + 1 : MORE;
  }

  private isLineBreak(i: number): boolean {
    const c = this.at(i);
    return c === CR || c === LF;
  }

  /** The row starting at `start`; `undefined` when only white space is left at the end of the file. */
  row(start: number): Parsed | undefined {
    const n = this.text.length;
    const first = this.skipBlanks(start);
    if (first >= n) return this.final ? undefined : MORE;
    const cells: string[] = [];
    let pos = start;
    if (this.at(first) === this.delimiter) {
      cells.push("");
      pos = first;
    }
    for (;;) {
      const token = this.skipBlanks(pos);
      if (token >= n) return this.final ? { cells, next: n } : MORE;
      if (this.isLineBreak(token)) {
        const next = this.afterLineBreak(token);
        return next === MORE ? MORE : { cells, next };
      }
      if (this.at(token) === this.delimiter) {
        pos = token + 1;
        if (pos >= n) {
          if (!this.final) return MORE;
          cells.push("");
          continue;
        }
        if (this.isLineBreak(pos) || this.at(pos) === this.delimiter) {
          cells.push("");
          continue;
        }
      }
      const cell = this.cell(pos);
      if (cell === MORE) return MORE;
      cells.push(cell.value);
      pos = cell.next;
    }
  }

  private cell(pos: number): { value: string; next: number } | typeof MORE {
    const n = this.text.length;
    const open = this.skipBlanks(pos);
    if (open < n && this.at(open) === QUOTE) return this.quoted(open);
    let end = pos;
    while (end < n) {
      const c = this.at(end);
      if (c === this.delimiter || c === CR || c === LF) break;
      end++;
    }
    if (end >= n && !this.final) return MORE;
    return { value: this.text.slice(pos, end), next: end };
  }

  private quoted(open: number): { value: string; next: number } | typeof MORE {
    const n = this.text.length;
    let value = "";
    let from = open + 1;
    for (;;) {
      const q = this.text.indexOf('"', from);
      if (q < 0) {
        if (this.final) throw new CsvSyntaxError("unclosed-quote");
        return MORE;
      }
      if (q + 1 >= n && !this.final) return MORE; // a "" may be split across chunks
      value += this.text.slice(from, q);
      if (this.at(q + 1) === QUOTE) {
        value += '"';
        from = q + 2;
        continue;
      }
      const after = this.skipBlanks(q + 1);
      if (after < n && !this.isLineBreak(after) && this.at(after) !== this.delimiter) throw new CsvSyntaxError("after-quote");
      if (after >= n && !this.final) return MORE;
      return { value, next: after };
    }
  }
}

/** The rows of a CSV text arriving in chunks (each row as soon as its end is seen), empty rows included. */
export async function* parseCsvRows(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<string[]> {
  const d = delimiter.charCodeAt(0);
  let pending = "";
  const rowsOf = function* (final: boolean): Generator<string[]> {
    const reader = new RowReader(pending, d, final);
    let start = 0;
    for (;;) {
      const r = reader.row(start);
      if (r === undefined) {
        start = pending.length;
        break;
      }
      if (r === MORE) break;
      start = r.next;
      yield r.cells;
    }
    pending = pending.slice(start);
  };
  for await (const chunk of chunks) {
    pending += chunk;
    yield* rowsOf(false);
  }
  yield* rowsOf(true);
}
