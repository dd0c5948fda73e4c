import { test } from "node:test";
import assert from "node:assert/strict";
import { rememberFor } from "@/lib/remember-for";

test("rememberFor: one load per key within the time, again after it; failures are not remembered", async () => {
  const calls: string[] = [];
  let fail = false;
  const get = rememberFor(1000, async (key) => {
    calls.push(key);
    if (fail) throw new Error("down");
    return `${key}:${calls.length}`;
  });
  assert.equal(await get("a", 0), "a:1");
  assert.equal(await get("a", 999), "a:1");
  assert.equal(await get("b", 999), "b:2");
  fail = true;
  await assert.rejects(get("a", 1000), /down/);
  fail = false;
  assert.equal(await get("a", 1001), "a:4");
  assert.deepEqual(calls, ["a", "b", "a", "a"]);
});
