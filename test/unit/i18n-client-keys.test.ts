// The browser gets only the keys its code can show (app/_i18n/client-messages.tsx): the list is current, every page
// and layout that has one wraps itself in it, and picking keeps the catalogue's shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { CLIENT_KEYS_FILE, clientKeys, scopes, serialize } from "@/scripts/i18n-client-keys";
import { pickKeys } from "@/lib/i18n/pick-keys";
import { CATALOGUES } from "@/lib/i18n/catalogues";

const keys = clientKeys();

test("i18n/client-keys.json is what the sources give (run scripts/i18n-client-keys.ts after changing them)", () => {
  assert.equal(fs.readFileSync(CLIENT_KEYS_FILE, "utf8"), serialize(keys));
});

test("every page and layout with client words hands them over with its own scope; no other does", () => {
  for (const [scope, { owner }] of scopes()) {
    const src = fs.readFileSync(owner, "utf8");
    const wraps = src.includes(`export default withClientMessages(${JSON.stringify(scope)}, `);
    assert.equal(wraps, scope in keys, `${owner}: ${scope in keys ? "must end with" : "has no client words, so needs no"} export default withClientMessages(${JSON.stringify(scope)}, …)`);
  }
});

test("the users page gets its own words, the message references its code can receive, and not the rest", () => {
  const users = new Set(keys["(portal)/users"]);
  const inCatalogue = (k: string) => k.split(".").reduce<unknown>((t, p) => (t as Record<string, unknown>)?.[p], CATALOGUES.en) !== undefined;
  for (const k of ["users.find.submit", "users.bulk.confirmTitle", "userBulk.outcomes.summary", "kit.dialog.close", "errors.HS_TIMEOUT"]) {
    assert.ok(inCatalogue(k) && users.has(k), k);
  }
  for (const k of ["import.title", "room.delete.title", "server.notices.title", "user.tabs.profile"]) {
    assert.ok(inCatalogue(k) && !users.has(k), `${k} is not shown by the users page's browser code`);
  }
  const all = JSON.stringify(CATALOGUES.en).match(/":"/g)!.length; // one per message
  assert.ok(users.size < all / 4, `the users page gets ${users.size} of ${all} keys`);
});

test("a scope's messages keep the catalogue's nesting and only the listed keys", () => {
  const picked = pickKeys({ a: { b: "1", c: "2" }, d: "3", e: { f: { g: "4" } } }, ["a.b", "e.f.g", "missing.key"]);
  assert.deepEqual(picked, { a: { b: "1" }, e: { f: { g: "4" } } });
});
