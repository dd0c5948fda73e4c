// The one bounded pool and the one sleep (lib/pool.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createSlots, mapPool, sleep } from "@/lib/pool";

test("slots: at most `limit` holders, waiters served in order, a double release frees one slot only", async () => {
  const slots = createSlots(2);
  const order: string[] = [];
  const a = await slots.acquire();
  const b = await slots.acquire();
  const c = slots.acquire().then((r) => (order.push("c"), r));
  const d = slots.acquire().then((r) => (order.push("d"), r));
  await sleep(5);
  assert.deepEqual(order, []);
  a();
  a();
  const releaseC = await c;
  await sleep(5);
  assert.deepEqual(order, ["c"]);
  b();
  const releaseD = await d;
  assert.deepEqual(order, ["c", "d"]);
  releaseC();
  releaseD();
  const e = await Promise.race([slots.acquire(), sleep(50).then(() => null)]);
  assert.notEqual(e, null, "a slot is free again");
});

test("mapPool: a failure stops new starts, lets the items in flight end, then throws it", async () => {
  const started: number[] = [];
  const ended: number[] = [];
  await assert.rejects(
    mapPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await sleep(n === 2 ? 1 : 20);
      if (n === 2) throw new Error("boom 2");
      ended.push(n);
    }),
    /boom 2/,
  );
  assert.deepEqual(started, [1, 2]);
  assert.deepEqual(ended, [1]);
});

test("mapPool: a failure while reading pages waits for the items in flight", async () => {
  const ended: number[] = [];
  async function* pages() {
    yield [1, 2];
    throw new Error("page read failed");
  }
  await assert.rejects(
    mapPool(pages(), 2, async (n) => {
      await sleep(10);
      ended.push(n);
    }),
    /page read failed/,
  );
  assert.deepEqual(ended.sort(), [1, 2]);
});

test("sleep: an abort ends the wait with the signal's reason, also when it came before", async () => {
  const ac = new AbortController();
  const t = Date.now();
  const waiting = sleep(10_000, ac.signal);
  ac.abort(new Error("stop now"));
  await assert.rejects(waiting, /stop now/);
  assert.ok(Date.now() - t < 1_000);
  await assert.rejects(sleep(10_000, ac.signal), /stop now/);
  await sleep(1);
});

test("sleep: a wait that ends on time leaves no abort listener behind", async () => {
  const ac = new AbortController();
  let listeners = 0;
  const add = ac.signal.addEventListener.bind(ac.signal);
  const remove = ac.signal.removeEventListener.bind(ac.signal);
  ac.signal.addEventListener = ((...a: Parameters<typeof add>) => (listeners++, add(...a))) as typeof add;
  ac.signal.removeEventListener = ((...a: Parameters<typeof remove>) => (listeners--, remove(...a))) as typeof remove;
  for (let i = 0; i < 12; i++) await sleep(1, ac.signal);
  assert.equal(listeners, 0);
});
