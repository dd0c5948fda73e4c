// The import's CSV reader on the file shapes people really upload, and on the ones it must refuse.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { CsvFileError, detectDelimiter, readCsv, type ByteStats } from "@/lib/jobs/csv-reader";
import type { DelimiterChoice } from "@/lib/schemas/import";
import { messageIn } from "@/lib/i18n/translator";

async function* chunks(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function read(data: string | Buffer, opts: { delimiter?: DelimiterChoice; maxBytes?: number; chunk?: number } = {}) {
  const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const stats: ByteStats = { bytes: 0, sha256: "" };
  const reader = readCsv(chunks(buf, opts.chunk ?? 5), { delimiter: opts.delimiter ?? "auto", maxBytes: opts.maxBytes ?? 1_000_000, stats });
  const records = [];
  for await (const r of reader.records) records.push(r);
  return { records, delimiter: reader.delimiter(), stats };
}

async function refused(data: string | Buffer, opts: Parameters<typeof read>[1] = {}): Promise<CsvFileError> {
  try {
    await read(data, opts);
  } catch (e) {
    assert.ok(e instanceof CsvFileError, `expected CsvFileError, got ${e}`);
    return e;
  }
  assert.fail("the file was accepted");
}

describe("readCsv: real-world shapes", () => {
  test("BOM, CRLF, quoted separators, quotes and line breaks, blank and trailing lines; spreadsheet line numbers", async () => {
    const csv = '\uFEFFid,displayname\r\njane,"Doe, Jane"\r\n\r\nbob,"He said ""hi""\r\nand left"\r\n,\r\ncarl,C\r\n\r\n\r\n';
    const { records, delimiter } = await read(csv);
    assert.equal(delimiter, ",");
    assert.deepEqual(records, [
      { line: 1, cells: ["id", "displayname"] },
      { line: 2, cells: ["jane", "Doe, Jane"] },
      { line: 4, cells: ["bob", 'He said "hi"\r\nand left'] },
      { line: 6, cells: ["carl", "C"] },
    ]);
  });

  test("LF only, no final line break", async () => {
    const { records } = await read("id\nann\nben");
    assert.deepEqual(records.map((r) => r.cells[0]), ["id", "ann", "ben"]);
  });

  test("semicolon files from spreadsheet locales are detected, commas inside cells stay", async () => {
    const { records, delimiter } = await read("id;displayname\njosé;Núñez, José\n");
    assert.equal(delimiter, ";");
    assert.deepEqual(records[1].cells, ["josé", "Núñez, José"]);
  });

  test("tab-separated files are detected; an explicit choice wins over detection", async () => {
    assert.equal((await read("id\tdisplayname\na\tA\n")).delimiter, "\t");
    const forced = await read("id;displayname\na;A\n", { delimiter: "," });
    assert.equal(forced.delimiter, ",");
    assert.deepEqual(forced.records[0].cells, ["id;displayname"]);
  });

  test("multi-byte characters split across chunks decode intact", async () => {
    const { records } = await read("id,displayname\nzoe,Zoë 😀 Ünal\n", { chunk: 1 });
    assert.equal(records[1].cells[1], "Zoë 😀 Ünal");
  });

  test("bytes and SHA-256 of the whole file are measured while streaming", async () => {
    const csv = "id\nann\n";
    const { stats } = await read(csv);
    assert.equal(stats.bytes, Buffer.byteLength(csv));
    assert.equal(stats.sha256, crypto.createHash("sha256").update(csv).digest("hex"));
  });

  test("detectDelimiter ignores separators inside quotes", () => {
    assert.equal(detectDelimiter('"a;b;c",x,y'), ",");
    assert.equal(detectDelimiter("id;displayname;password"), ";");
    assert.equal(detectDelimiter("id"), ",");
  });
});

describe("readCsv: files it refuses", () => {
  test("an empty file", async () => {
    const e = await refused("");
    assert.equal(e.problem, "empty");
    assert.equal(messageIn(e.message, "en"), "The file is empty.");
  });

  test("only blank lines", async () => {
    assert.equal((await refused("\r\n\n  \n".replace("  ", ""))).problem, "empty");
  });

  test("a binary file", async () => {
    const e = await refused(Buffer.from([0x69, 0x64, 0x0a, 0x00, 0x01, 0x02]));
    assert.equal(e.problem, "binary");
    assert.match(messageIn(e.message, "en"), /binary file, not CSV text/);
  });

  test("an Excel workbook", async () => {
    assert.equal((await refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).problem, "spreadsheet");
  });

  test("UTF-16 and Latin-1 text", async () => {
    const utf16 = await refused(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id\n", "utf16le")]));
    assert.equal(utf16.problem, "not-utf8");
    const latin1 = await refused(Buffer.from("id,displayname\njose,Jos\xe9\n", "latin1"));
    assert.equal(latin1.problem, "not-utf8");
    assert.match(messageIn(latin1.message, "en"), /^The file is not UTF-8 text \(an invalid character on line 2\)\. Save it as "CSV UTF-8"/);
  });

  test("a file over the size limit stops being read at the limit", async () => {
    let served = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        served += 1024;
        yield Buffer.alloc(1024, "a\n");
      }
    }
    const reader = readCsv(endless(), { delimiter: "auto", maxBytes: 60 * 1024 });
    await assert.rejects(
      async () => {
        for await (const _ of reader.records);
      },
      (e: unknown) => e instanceof CsvFileError && e.problem === "too-large" && /larger than the limit of 0.1 MB/.test(messageIn(e.message, "en")),
    );
    assert.ok(served <= 62 * 1024, `read ${served} bytes`);
  });

  test("an unclosed quote, with the line it starts on", async () => {
    const e = await refused('id,displayname\nann,Ann\nbob,"Bob\ncarl,Carl\n');
    assert.equal(e.problem, "malformed");
    assert.match(messageIn(e.message, "en"), /^Line 3: a quoted cell is never closed/);
  });

  test("text after a closing quote", async () => {
    const e = await refused('id,displayname\nann,"Ann" Lee\n');
    assert.match(messageIn(e.message, "en"), /^Line 2: text follows a closing quote/);
  });

  test("a line longer than any user list needs", async () => {
    const e = await refused(`id\n${"x".repeat(300 * 1024)}\n`, { chunk: 4096 });
    assert.equal(e.problem, "line-too-long");
    assert.match(messageIn(e.message, "en"), /^Line 2 of the file is longer than 256 KB/);
  });
});
