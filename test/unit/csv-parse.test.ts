// The import's CSV grammar reads every file as fast-csv (its parser until 2026-12) did: compared on the shapes
// people upload and on thousands of random texts made of the characters that matter, whole and in chunks.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "fast-csv";
import { CsvSyntaxError, parseCsvRows } from "@/lib/jobs/csv-parse";

type Outcome = { rows: string[][] } | { error: "unclosed-quote" | "after-quote" };

async function* inChunks(text: string, cuts: number[]): AsyncGenerator<string> {
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut > from) yield text.slice(from, cut);
    from = Math.max(from, cut);
  }
}

async function ours(text: string, delimiter: string, cuts: number[] = []): Promise<Outcome> {
  const rows: string[][] = [];
  try {
    for await (const row of parseCsvRows(inChunks(text, cuts), delimiter)) rows.push(row);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { error: e.kind };
    throw e;
  }
  return { rows };
}

function theirs(text: string, delimiter: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const rows: string[][] = [];
    const parser = parse({ headers: false, ignoreEmpty: false, delimiter });
    parser.on("data", (row: string[]) => rows.push(row));
    parser.on("error", (e: Error) => resolve({ error: /missing closing/.test(e.message) ? "unclosed-quote" : "after-quote" }));
    parser.on("end", () => resolve({ rows }));
    parser.end(text);
  });
}

// A small deterministic generator (no Math.random: a failure must be reproducible).
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("parseCsvRows", () => {
  test("the shapes of real files", async () => {
    assert.deepEqual(await ours('id,name\r\njane,"Doe, Jane"\r\n\r\nbob,"He said ""hi""\r\nand left"\r\n', ","), {
      rows: [["id", "name"], ["jane", "Doe, Jane"], [], ["bob", 'He said "hi"\r\nand left']],
    });
    assert.deepEqual(await ours("a;b\n;\n c ; d \n", ";"), { rows: [["a", "b"], ["", ""], [" c ", " d "]] });
    assert.deepEqual(await ours("a\tb\n  \n \tx\n", "\t"), { rows: [["a", "b"], [], ["", "x"]] });
    assert.deepEqual(await ours('a, "b" ,c\n', ","), { rows: [["a", "b", "c"]] });
    assert.deepEqual(await ours('a,"b" c\n', ","), { error: "after-quote" });
    assert.deepEqual(await ours('a,"b\nc,d\n', ","), { error: "unclosed-quote" });
  });

  test("a row waits for its end across chunks: a split \\r\\n, a split \"\" and a split cell", async () => {
    const text = 'ab,"c""d"\r\nef,g\r\n';
    const whole = await ours(text, ",");
    for (let cut = 1; cut < text.length; cut++) assert.deepEqual(await ours(text, ",", [cut]), whole, `cut at ${cut}`);
  });

  test("agrees with fast-csv on 3000 random texts, whole and in random chunks", async () => {
    const alphabet = ["a", "b", "a", " ", '"', '"', ",", ";", "\t", "\r", "\n", "\r\n", "é", "\u00a0"];
    const next = random(20261203);
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(next() * 24);
      let text = "";
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      const delimiter = [",", ";", "\t"][i % 3];
      const expected = await theirs(text, delimiter);
      assert.deepEqual(await ours(text, delimiter), expected, `text ${JSON.stringify(text)} with ${JSON.stringify(delimiter)}`);
      const cuts = [Math.floor(next() * text.length), Math.floor(next() * text.length)].sort((x, y) => x - y);
      assert.deepEqual(await ours(text, delimiter, cuts), expected, `text ${JSON.stringify(text)} cut at ${cuts}`);
    }
  });
});
