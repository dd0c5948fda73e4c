// The users CSV export read back by the CSV import's own reader and row checks: an export re-imports cleanly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { userCsvHeader, userCsvRow } from "@/lib/csv/user-columns";
import type { UserSummary } from "@/lib/synapse/users";
import { readCsv } from "@/lib/jobs/csv-reader";
import { checkRow, readHeader } from "@/lib/jobs/import-row";

const base: UserSummary = {
  userId: "@alice:example.org",
  localpart: "alice",
  displayname: "Alice",
  avatarUrl: null,
  avatar: null,
  userType: null,
  isGuest: false,
  admin: false,
  deactivated: false,
  locked: false,
  shadowBanned: false,
  erased: false,
  createdAt: Date.UTC(2026, 0, 1),
  lastSeenAt: null,
};

test("every exported row passes the import's checks with the same values", async () => {
  const users: UserSummary[] = [
    base,
    { ...base, userId: "@bob.admin:example.org", localpart: "bob.admin", displayname: 'Bob "the boss", admin', admin: true, avatarUrl: "mxc://example.org/abcDEF123" },
    { ...base, userId: "@bot:example.org", localpart: "bot", displayname: null, userType: "bot", locked: true, lastSeenAt: Date.UTC(2026, 5, 1) },
    { ...base, userId: "@gone:example.org", localpart: "gone", displayname: "Line\nbreak", deactivated: true, erased: true },
  ];
  const csv = userCsvHeader() + users.map(userCsvRow).join("");
  const reader = readCsv(
    (async function* () {
      yield new TextEncoder().encode("\uFEFF" + csv);
    })(),
    { delimiter: "auto", maxBytes: 1_000_000 },
  );
  const records = [];
  for await (const r of reader.records) records.push(r);
  const header = readHeader(records[0].cells, reader.delimiter(), "csv");
  assert.deepEqual(header.unknown, ["shadow_banned", "erased", "creation_ts", "last_seen_ts"], "read-only facts are reported and ignored");
  const ctx = { serverName: "example.org", idMode: "csv" as const, seen: new Map<string, number>() };
  const rows = records.slice(1).map((r) => checkRow(r.cells, header, ctx, r.line));
  assert.equal(rows.length, users.length);
  rows.forEach((row, i) => {
    assert.ok(row.ok, `row ${i + 2}: ${JSON.stringify(!row.ok && row.errors)}`);
    const u = users[i];
    assert.equal(row.input.localpart, u.localpart);
    assert.equal(row.input.displayname, u.displayname ?? undefined);
    assert.equal(row.input.admin, u.admin);
    assert.equal(row.input.deactivated, u.deactivated);
    assert.equal(row.input.locked, u.locked);
    assert.equal(row.input.userType, u.userType ?? undefined);
    assert.equal(row.input.avatarUrl, u.avatarUrl ?? undefined);
    assert.equal(row.input.hasPassword ?? false, false, "no password is exported");
  });
});
