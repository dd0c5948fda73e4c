// The users list's pure parts: URL state, the inactivity window over a sorted list, CSV rows, relative times.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { inactiveRanges, sliceRanges, type Probe } from "@/lib/synapse/user-inactive";
import { filterOf, parseUsersSearch, usersHref, usersQuerySchema, usersSearchParams } from "@/lib/schemas/users";
import { userCsvHeader, userCsvRow } from "@/lib/csv/user-columns";
import type { UserSummary } from "@/lib/synapse/users";
import { relativeTime } from "@/app/(portal)/users/_components/relative-time";

/** A fake Synapse list: `lastSeen` already in the database's ascending order. */
function fakeList(lastSeen: (number | null)[]) {
  const calls: [number, number][] = [];
  const probe: Probe = async (offset, limit) => {
    calls.push([offset, limit]);
    return { total: lastSeen.length, lastSeen: lastSeen.slice(offset, offset + limit) };
  };
  return { probe, calls };
}

/** The true answer, by scanning. */
function expected(lastSeen: (number | null)[], cutoff: number): number[] {
  return lastSeen.flatMap((ts, i) => (ts === null || ts < cutoff ? [i] : []));
}
const expand = (ranges: readonly (readonly [number, number])[]) => ranges.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i));

describe("inactiveRanges", () => {
  const sorted = (n: number, nulls: number, where: "first" | "last") => {
    const seen = Array.from({ length: n - nulls }, (_, i) => 1000 + i * 10);
    const none = Array<null>(nulls).fill(null);
    return where === "first" ? [...none, ...seen] : [...seen, ...none];
  };

  for (const where of ["first", "last"] as const) {
    for (const [n, nulls, cutoff] of [
      [1000, 0, 5000],
      [1000, 37, 5000],
      [1000, 37, 0],
      [1000, 37, 1e12],
      [250, 250, 5000],
      [7, 2, 1030],
      [1, 0, 1001],
      [1, 1, 1001],
    ] as const) {
      test(`nulls ${where}, ${n} users, ${nulls} never seen, cutoff ${cutoff}`, async () => {
        const list = sorted(n, nulls, where);
        const { probe } = fakeList(list);
        const r = await inactiveRanges(probe, cutoff, 16);
        assert.deepEqual(expand(r.ranges), expected(list, cutoff));
        assert.equal(r.count, expected(list, cutoff).length);
      });
    }
  }

  test("ties at the cutoff count as active", async () => {
    const list = [null, 10, 20, 20, 20, 30];
    const r = await inactiveRanges(fakeList(list).probe, 20, 2);
    assert.deepEqual(r.ranges, [[0, 2]]);
  });

  test("an empty list has no ranges and costs one call", async () => {
    const f = fakeList([]);
    assert.deepEqual(await inactiveRanges(f.probe, 5, 100), { ranges: [], count: 0 });
    assert.equal(f.calls.length, 1);
  });

  test("100,000 users need only a few list calls", async () => {
    const list = sorted(100_000, 5000, "last");
    const f = fakeList(list);
    const r = await inactiveRanges(f.probe, 1000 + 40_000 * 10, 100);
    assert.equal(r.count, expected(list, 1000 + 40_000 * 10).length);
    assert.ok(f.calls.length <= 30, `${f.calls.length} calls`);
  });
});

describe("sliceRanges", () => {
  test("maps a logical page onto one or two physical slices", () => {
    const ranges = [[0, 10], [90, 100]] as const;
    assert.deepEqual(sliceRanges(ranges, 0, 5), [{ offset: 0, limit: 5 }]);
    assert.deepEqual(sliceRanges(ranges, 8, 5), [{ offset: 8, limit: 2 }, { offset: 90, limit: 3 }]);
    assert.deepEqual(sliceRanges(ranges, 12, 50), [{ offset: 92, limit: 8 }]);
    assert.deepEqual(sliceRanges(ranges, 20, 5), []);
    assert.deepEqual(sliceRanges(ranges, 0, 0), []);
  });
});

describe("users URL state", () => {
  test("defaults for an empty or hostile URL", () => {
    const q = usersQuerySchema.parse({ page: "-3", size: "100000", sort: "password", dir: "up", deactivated: "maybe", inactive: "abc", hide: ["bot", "evil"] });
    assert.equal(q.page, 1);
    assert.equal(q.size, 50);
    assert.equal(q.sort, "name");
    assert.equal(q.dir, "asc");
    assert.equal(q.deactivated, "all");
    assert.equal(q.inactive, undefined);
    assert.deepEqual(q.hide, []);
  });

  test("a view survives the round trip through its URL, with defaults left out", () => {
    const q = usersQuerySchema.parse({ q: "ali ce", page: "3", size: "25", sort: "last_seen_ts", dir: "desc", admins: "only", locked: "exclude", hide: ["support", "bot"], inactive: "30" });
    const href = usersHref(q);
    assert.equal(href, "/users?q=ali+ce&sort=last_seen_ts&dir=desc&admins=only&locked=exclude&inactive=30&size=25&page=3&hide=bot&hide=support");
    assert.deepEqual(parseUsersSearch(href.split("?")[1]), q);
    assert.equal(usersHref(usersQuerySchema.parse({})), "/users");
    assert.equal(usersSearchParams(filterOf(q)).get("page"), null, "the filter has no page");
  });

  test("a single hidden type is still a list", () => {
    assert.deepEqual(parseUsersSearch("hide=regular").hide, ["regular"]);
  });
});

describe("users CSV", () => {
  const user: UserSummary = {
    userId: "@=cmd:example.org",
    localpart: "=cmd",
    displayname: "-2+3, \"quoted\"",
    avatarUrl: "mxc://example.org/abc",
    avatar: { server: "example.org", mediaId: "abc" },
    userType: null,
    isGuest: false,
    admin: true,
    deactivated: false,
    locked: false,
    shadowBanned: false,
    erased: false,
    createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    lastSeenAt: null,
  };

  test("header starts with the import format's columns", () => {
    assert.equal(userCsvHeader(), "id,displayname,password,is_guest,admin,deactivated,avatar_url,user_type,locked,shadow_banned,erased,creation_ts,last_seen_ts\r\n");
  });

  test("id is the localpart; formula-looking cells are escaped", () => {
    assert.equal(userCsvRow(user), `'=cmd,"'-2+3, ""quoted""",,false,true,false,mxc://example.org/abc,,false,false,false,2026-01-02T03:04:05.000Z,\r\n`);
    assert.ok(userCsvRow({ ...user, localpart: "alice" }).startsWith("alice,"));
  });
});

describe("relativeTime", () => {
  const now = Date.UTC(2026, 5, 1);
  test("past and future, singular and plural", () => {
    assert.equal(relativeTime(now - 30_000, now), "just now");
    assert.equal(relativeTime(now - 60_000, now), "1 minute ago");
    assert.equal(relativeTime(now - 3 * 3600_000, now), "3 hours ago");
    assert.equal(relativeTime(now - 8 * 86_400_000, now), "1 week ago");
    assert.equal(relativeTime(now - 400 * 86_400_000, now), "1 year ago");
    assert.equal(relativeTime(now + 2 * 86_400_000, now), "in 2 days");
  });
  test("in the reader's language", () => {
    assert.equal(relativeTime(now - 3 * 3600_000, now, "de"), "vor 3 Stunden");
    assert.equal(relativeTime(now + 2 * 86_400_000, now, "de"), "in 2 Tagen");
    assert.equal(relativeTime(now - 30_000, now, "de", "gerade eben"), "gerade eben");
  });
});
