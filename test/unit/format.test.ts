import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { formatBytes, formatCount, formatDateTime } from "@/lib/format";
import { csvLine, escapeCsvCell } from "@/lib/csv/escape-cell";

describe("formatBytes", () => {
  test("bytes below 1 KiB are shown as whole bytes", () => {
    assert.equal(formatBytes(0), "0 B");
    assert.equal(formatBytes(1), "1 B");
    assert.equal(formatBytes(1023), "1023 B");
  });

  test("binary units with 2 decimals below 10 and 1 decimal above", () => {
    assert.equal(formatBytes(1024), "1.00 KB");
    assert.equal(formatBytes(1536), "1.50 KB");
    assert.equal(formatBytes(10 * 1024), "10.0 KB");
    assert.equal(formatBytes(1000 * 1024), "1000.0 KB");
    assert.equal(formatBytes(1024 ** 2), "1.00 MB");
    assert.equal(formatBytes(52428800), "50.0 MB");
    assert.equal(formatBytes(1024 ** 3 * 2.5), "2.50 GB");
    assert.equal(formatBytes(1024 ** 4), "1.00 TB");
    assert.equal(formatBytes(1024 ** 5), "1.00 PB");
  });

  test("PB is the largest unit", () => {
    assert.equal(formatBytes(1024 ** 6), "1024.0 PB");
  });

  test("negative, NaN and infinite values show a dash", () => {
    assert.equal(formatBytes(-1), "—");
    assert.equal(formatBytes(Number.NaN), "—");
    assert.equal(formatBytes(Number.POSITIVE_INFINITY), "—");
  });
});

describe("formatCount / formatDateTime", () => {
  test("formatCount groups thousands", () => {
    assert.equal(formatCount(1234567), "1,234,567");
    assert.equal(formatCount(0), "0");
  });

  test("formatDateTime is UTC to the second", () => {
    assert.equal(formatDateTime(new Date("2026-11-26T09:08:07.654Z")), "2026-11-26 09:08:07 UTC");
  });
});


test("CSV cells: formula injection is neutralised and special characters quoted", () => {
  for (const bad of ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"]) assert.ok(escapeCsvCell(bad).replace(/^"/, "").startsWith("'"), bad);
  assert.equal(escapeCsvCell('say "hi", ok'), '"say ""hi"", ok"');
  assert.equal(escapeCsvCell("line\nbreak"), '"line\nbreak"');
  assert.equal(escapeCsvCell(null), "");
  assert.equal(escapeCsvCell(42), "42");
  assert.equal(csvLine(["@alice:example.org", "Alice", "=HYPERLINK()"]), "'@alice:example.org,Alice,'=HYPERLINK()\r\n");
});
