// CSV cells the portal writes: no spreadsheet locale (comma or semicolon) may run a cell as a formula.
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvLine, escapeCsvCell } from "@/lib/csv/escape-cell";

test("cells starting with = + - @ tab or CR get a leading quote mark", () => {
  assert.equal(escapeCsvCell("=1+1"), "'=1+1");
  assert.equal(escapeCsvCell("+SUM(A1)"), "'+SUM(A1)");
  assert.equal(escapeCsvCell("-2"), "'-2");
  assert.equal(escapeCsvCell("@cmd"), "'@cmd");
  assert.equal(escapeCsvCell("\tx"), "\"'\tx\"");
  assert.equal(escapeCsvCell("\rx"), "\"'\rx\"");
});

test("a ; anywhere quotes the cell, so semicolon locales keep it in one cell", () => {
  assert.equal(escapeCsvCell("x;=1+1"), '"x;=1+1"');
  assert.equal(escapeCsvCell("a;b"), '"a;b"');
});

test("tabs, commas, quotes and line breaks are quoted; plain text is left alone", () => {
  assert.equal(escapeCsvCell("a\tb"), '"a\tb"');
  assert.equal(escapeCsvCell('say "hi", ok'), '"say ""hi"", ok"');
  assert.equal(escapeCsvCell("Alice Example"), "Alice Example");
  assert.equal(escapeCsvCell(42), "42");
  assert.equal(csvLine(["@a:x", "b;c", null]), `'@a:x,"b;c",\r\n`);
});
