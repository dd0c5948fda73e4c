// The layers of lib/ (README, "Layout"): no module imports one of a higher layer, and every module is in one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";

test("scripts/check-layers.mjs finds no upward import and no module outside the layers", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const run = spawnSync(process.execPath, ["scripts/check-layers.mjs"], { cwd: root, encoding: "utf8" });
  assert.equal(run.stdout.trim(), "layers: no upward import in lib/", run.stdout);
  assert.equal(run.status, 0);
});
