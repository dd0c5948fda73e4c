import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  mediaOwnerSchema,
  toggleMediaSchema,
  deleteFormToFilters,
  deleteMediaFormSchema,
  describeDeletionFilters,
  describePurgeScope,
  localDateTimeToMs,
  mediaDeletionFiltersSchema,
  msToLocalDateTime,
  parseSize,
  purgeFilterOf,
  purgeHistoryQuerySchema,
  purgeRemoteSchema,
  deleteSelectedSchema,
  usageQuerySchema,
} from "@/lib/schemas/media";
import { firstFieldErrors } from "@/lib/schemas/fields";
import { mapPool } from "@/lib/pool";
import { messageIn } from "@/lib/i18n/translator";

const past = msToLocalDateTime(Date.now() - 10 * 86_400_000);
const form = (patch: Record<string, unknown>) => ({ lastAccessBefore: past, sizeValue: "", sizeUnit: "MB", keepProfiles: true, ...patch });
const errorsOf = (input: unknown) => {
  const r = deleteMediaFormSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(Object.entries(firstFieldErrors(r.error)).map(([k, v]) => [k, messageIn(v, "en")]));
};

/** parseSize's answer with its message in English. */
const sizeOf = (value: string, unit: string) => {
  const r = parseSize(value, unit);
  return r.ok ? r : { ok: false, message: messageIn(r.message, "en") };
};

describe("parseSize", () => {
  test("binary units, decimals, and empty meaning no limit", () => {
    assert.deepEqual(parseSize("1", "KB"), { ok: true, bytes: 1024 });
    assert.deepEqual(parseSize("1.5", "MB"), { ok: true, bytes: 1572864 });
    assert.deepEqual(parseSize(" 2 ", "GB"), { ok: true, bytes: 2 * 1024 ** 3 });
    assert.deepEqual(parseSize(".5", "KB"), { ok: true, bytes: 512 });
    assert.deepEqual(parseSize("", "MB"), { ok: true, bytes: 0 });
    assert.deepEqual(parseSize("0", "MB"), { ok: true, bytes: 0 });
  });

  test("negative, not a number, and unknown units are refused with a sentence", () => {
    assert.deepEqual(sizeOf("-5", "MB"), { ok: false, message: "The size cannot be negative." });
    assert.deepEqual(sizeOf("abc", "MB"), { ok: false, message: '"abc" is not a number. Enter a size like 10 or 2.5.' });
    assert.deepEqual(sizeOf("1e3", "MB"), { ok: false, message: '"1e3" is not a number. Enter a size like 10 or 2.5.' });
    assert.deepEqual(parseSize("NaN", "KB").ok, false);
    assert.deepEqual(sizeOf("10", "TB"), { ok: false, message: '"TB" is not a size unit: choose KB, MB or GB.' });
    assert.deepEqual(sizeOf("99999999999", "GB"), { ok: false, message: "That size is too large." });
    const negative = parseSize("-5", "MB");
    assert.equal(!negative.ok && messageIn(negative.message, "de"), "Die Größe darf nicht negativ sein.");
  });
});

describe("dates typed in the form", () => {
  test("datetime-local values round-trip in the local time zone, with or without seconds", () => {
    const ms = new Date(2026, 4, 17, 9, 30).getTime();
    assert.equal(msToLocalDateTime(ms), "2026-05-17T09:30");
    assert.equal(localDateTimeToMs("2026-05-17T09:30"), ms);
    assert.equal(localDateTimeToMs("2026-05-17T09:30:15"), ms + 15_000);
    assert.ok(Number.isNaN(localDateTimeToMs("17/05/2026")));
    assert.ok(Number.isNaN(localDateTimeToMs("")));
  });
});

describe("delete media form", () => {
  test("valid input becomes the filters sent to the server", () => {
    const v = deleteMediaFormSchema.parse(form({ sizeValue: "2.5", sizeUnit: "KB", keepProfiles: false }));
    assert.deepEqual(deleteFormToFilters(v), { beforeTs: localDateTimeToMs(past), sizeGt: 2560, keepProfiles: false });
    assert.equal(deleteFormToFilters(deleteMediaFormSchema.parse(form({}))).sizeGt, 0);
  });

  test("a date in the future, an empty or malformed date, a bad size or unit each get a field message", () => {
    assert.deepEqual(errorsOf(form({ lastAccessBefore: msToLocalDateTime(Date.now() + 86_400_000) })), {
      lastAccessBefore: "The date is in the future: choose a date in the past.",
    });
    assert.deepEqual(errorsOf(form({ lastAccessBefore: "" })), { lastAccessBefore: "Choose the last-access date and time." });
    assert.deepEqual(errorsOf(form({ lastAccessBefore: "yesterday" })), { lastAccessBefore: '"yesterday" is not a date and time.' });
    assert.deepEqual(errorsOf(form({ sizeValue: "-1" })), { sizeValue: "The size cannot be negative." });
    assert.deepEqual(errorsOf(form({ sizeValue: "ten" })), { sizeValue: '"ten" is not a number. Enter a size like 10 or 2.5.' });
    assert.deepEqual(errorsOf(form({ sizeValue: "1", sizeUnit: "PB" })), { sizeUnit: '"PB" is not a size unit: choose KB, MB or GB.' });
  });

  test("the server re-checks the filters it receives", () => {
    const ok = { beforeTs: Date.now() - 1000, sizeGt: 0, keepProfiles: true };
    assert.ok(mediaDeletionFiltersSchema.safeParse(ok).success);
    assert.ok(!mediaDeletionFiltersSchema.safeParse({ ...ok, beforeTs: Date.now() + 86_400_000 }).success);
    assert.ok(!mediaDeletionFiltersSchema.safeParse({ ...ok, beforeTs: -1 }).success);
    assert.ok(!mediaDeletionFiltersSchema.safeParse({ ...ok, beforeTs: Number.NaN }).success);
    assert.ok(!mediaDeletionFiltersSchema.safeParse({ ...ok, sizeGt: -1 }).success);
    assert.ok(!mediaDeletionFiltersSchema.safeParse({ ...ok, sizeGt: 1.5 }).success);
    assert.ok(!mediaDeletionFiltersSchema.safeParse({ ...ok, sizeGt: "1" }).success);
    assert.ok(!mediaDeletionFiltersSchema.safeParse({ ...ok, keepProfiles: "yes" }).success);
    assert.ok(!purgeRemoteSchema.safeParse({ beforeTs: Date.now() + 86_400_000 }).success);
    // A 1970 date is the admin's choice; Synapse refuses it and the portal shows its sentence.
    assert.ok(purgeRemoteSchema.safeParse({ beforeTs: 13_046_400_000 }).success);
  });

  test("a selection needs at least one file, valid ids and a bounded size", () => {
    const file = { server: "example.org", mediaId: "abcDEF_12-3" };
    assert.ok(deleteSelectedSchema.safeParse({ files: [file] }).success);
    assert.ok(!deleteSelectedSchema.safeParse({ files: [] }).success);
    assert.ok(!deleteSelectedSchema.safeParse({ files: [{ ...file, mediaId: "../etc" }] }).success);
    assert.ok(!deleteSelectedSchema.safeParse({ files: [{ ...file, server: "a/b" }] }).success);
    assert.ok(!deleteSelectedSchema.safeParse({ files: Array.from({ length: 201 }, () => file) }).success);
  });
});

describe("words for the preview and the history", () => {
  test("the filters are restated in words", () => {
    const t = Date.UTC(2026, 7, 28, 10, 0, 0);
    assert.equal(
      describeDeletionFilters({ beforeTs: t, sizeGt: 1572864, keepProfiles: true }),
      "Local files last accessed before 2026-08-28 10:00:00 UTC (files never accessed: uploaded before it), larger than 1.50 MB (1,572,864 bytes), " +
        "keeping files used as avatars (profile media). Protected and quarantined files are never deleted this way.",
    );
    assert.match(describeDeletionFilters({ beforeTs: t, sizeGt: 0, keepProfiles: false }), /of any size, including files used as avatars\./);
  });

  test("history scopes by kind", () => {
    const t = Date.UTC(2026, 0, 2, 3, 4, 5);
    assert.match(describePurgeScope("media.delete-by-date", { beforeTs: t, sizeGt: 0, keepProfiles: true }), /^Local files last accessed before 2026-01-02 03:04:05 UTC/);
    assert.equal(describePurgeScope("media.purge-remote-cache", { beforeTs: t }), "Cached remote media last accessed before 2026-01-02 03:04:05 UTC.");
    assert.equal(describePurgeScope("media.delete-selected", { files: ["mxc://a/1", "mxc://a/2"] }), "2 selected files: mxc://a/1, mxc://a/2");
    assert.equal(describePurgeScope("media.protect", { file: "mxc://a/1" }), "mxc://a/1");
    assert.equal(describePurgeScope("media.quarantine", { all: true, userId: "@u:a" }), "All media");
    assert.equal(describePurgeScope("room.delete", { block: true }), '{"block":true}');
    assert.equal(describePurgeScope("media.delete-user-media", {}), "");
  });
});

describe("URL state", () => {
  test("bad values fall back to defaults instead of failing the page", () => {
    assert.deepEqual(usageQuerySchema.parse({ sort: "evil", dir: "sideways", page: "-3" }), { sort: "media_length", dir: "desc", page: 1 });
    const q = purgeHistoryQuerySchema.parse({ kind: "nope", status: "ok", from: "2026-01-01", to: "2026-01-31", page: "2" });
    assert.equal(q.kind, undefined);
    const f = purgeFilterOf(q);
    assert.equal(f.status, "ok");
    assert.equal(f.from?.toISOString(), "2026-01-01T00:00:00.000Z");
    assert.equal(f.to?.toISOString(), "2026-02-01T00:00:00.000Z"); // "to" includes its whole day
  });
});

describe("mapPool", () => {
  test("keeps order, caps concurrency and stops starting work when told", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5 * (n % 3)));
      inFlight--;
      return n * 10;
    });
    assert.deepEqual(out, [10, 20, 30, 40, 50, 60, 70]);
    assert.equal(peak, 3);
    let started = 0;
    const partial = await mapPool([1, 2, 3, 4], 1, async (n) => (started++, n), () => started >= 2);
    assert.deepEqual([...partial], [1, 2, undefined, undefined]);
  });
});

describe("one-file flags and quarantine-all", () => {
  test("a flag is quarantine or protect, nothing else", () => {
    const ref = { server: "example.org", mediaId: "abc", on: true };
    assert.equal(toggleMediaSchema.parse({ ...ref, flag: "quarantine" }).flag, "quarantine");
    assert.equal(toggleMediaSchema.parse({ ...ref, flag: "protect" }).flag, "protect");
    assert.equal(toggleMediaSchema.safeParse({ ...ref, flag: "delete" }).success, false);
    assert.equal(toggleMediaSchema.safeParse(ref).success, false);
  });

  test("quarantine-all takes a user ID or a room ID, and refuses what is neither", () => {
    assert.deepEqual(mediaOwnerSchema.parse({ userId: "@alice:example.org" }), { userId: "@alice:example.org" });
    assert.deepEqual(mediaOwnerSchema.parse({ roomId: "!room:example.org" }), { roomId: "!room:example.org" });
    assert.equal(mediaOwnerSchema.safeParse({ userId: "alice" }).success, false);
    assert.equal(mediaOwnerSchema.safeParse({ roomId: "#alias:example.org" }).success, false);
    assert.equal(mediaOwnerSchema.safeParse({}).success, false);
  });
});
