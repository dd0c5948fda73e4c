// Every server action says which portal role it needs (a forgotten one would mean owner: safe, but unreviewed).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";

function* files(dir: string): Generator<string> {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(p)) yield p;
  }
}

test("each adminAction(...) in app/ declares role: viewer, operator or owner", () => {
  const missing: string[] = [];
  let count = 0;
  for (const file of files("app")) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/adminAction\(\s*\{\s*(role: "(viewer|operator|owner)")?/g)) {
      count++;
      if (!m[1]) missing.push(`${file}: ${text.slice(m.index, m.index + 80).replace(/\s+/g, " ")}`);
    }
  }
  assert.ok(count > 40, `found only ${count} actions`);
  assert.deepEqual(missing, []);
});
