// CSV cells the portal writes: no spreadsheet locale (comma or semicolon) may run a cell as a formula.
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvLine, escapeCsvCell } from "@/lib/csv/escape-cell";

/** Each [value, cell as written] pair; a failure names the value. */
function expectCells(cases: [Parameters<typeof escapeCsvCell>[0], string][]) {
  for (const [value, cell] of cases) assert.equal(escapeCsvCell(value), cell, JSON.stringify(value));
}

test("cells starting with = + - @ tab or CR get a leading quote mark", () => {
  expectCells([["=1+1", "'=1+1"], ["+SUM(A1)", "'+SUM(A1)"], ["-2", "'-2"], ["@cmd", "'@cmd"]]);
  expectCells([["\tx", "\"'\tx\""], ["\rx", "\"'\rx\""]]);
});

test("a ; anywhere quotes the cell, so semicolon locales keep it in one cell", () => {
  expectCells([["x;=1+1", '"x;=1+1"'], ["a;b", '"a;b"']]);
});

test("tabs, commas, quotes and line breaks are quoted; plain text is left alone", () => {
  expectCells([["a\tb", '"a\tb"'], ['say "hi", ok', '"say ""hi"", ok"'], ["Alice Example", "Alice Example"], [42, "42"]]);
  assert.equal(csvLine(["@a:x", "b;c", null]), `'@a:x,"b;c",\r\n`);
});
