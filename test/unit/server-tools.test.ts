// Pure parts of the Server section and the dashboard: token states and forms, destination order, task links, bars.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { messageIn } from "@/lib/i18n/translator";
import { tokenCreateSchema, tokenState, tokenUpdateSchema, type RegistrationToken } from "@/lib/schemas/registration-tokens";
import { destinationListHref, destinationListQuerySchema, failingFirst, formatInterval, type Destination } from "@/lib/schemas/federation";
import { taskFilterOf, taskListQuerySchema, taskResourceHref } from "@/lib/schemas/scheduled-tasks";
import { barLayout, monthKey, monthLabel } from "@/lib/schemas/dashboard";
import { backgroundJobSchema } from "@/lib/schemas/background-updates";

const tok = (t: Partial<RegistrationToken>): RegistrationToken => ({ token: "t", usesAllowed: null, pending: 0, completed: 0, expiryTime: null, ...t });

describe("registration tokens", () => {
  test("state: expired beats used up, pending uses count", () => {
    const now = 1_000_000;
    assert.equal(tokenState(tok({}), now), "valid");
    assert.equal(tokenState(tok({ usesAllowed: 2, completed: 1 }), now), "valid");
    assert.equal(tokenState(tok({ usesAllowed: 2, completed: 1, pending: 1 }), now), "used-up");
    assert.equal(tokenState(tok({ usesAllowed: 0 }), now), "used-up");
    assert.equal(tokenState(tok({ expiryTime: now }), now), "expired");
    assert.equal(tokenState(tok({ expiryTime: now - 1, usesAllowed: 1, completed: 1 }), now), "expired");
  });

  test("create form: empty token and uses mean generated and unlimited", () => {
    const r = tokenCreateSchema.parse({ token: "", usesAllowed: "", expiryTime: null });
    assert.deepEqual(r, { token: "", usesAllowed: null, expiryTime: null });
    assert.deepEqual(tokenCreateSchema.parse({ token: "a.B_~-9", usesAllowed: " 5 ", expiryTime: Date.now() + 60_000 }).usesAllowed, 5);
  });

  const message = (input: unknown) => {
    const r = tokenCreateSchema.safeParse(input);
    assert.equal(r.success, false);
    return r.error!.issues.map((i) => `${i.path.join(".")}: ${messageIn(i.message, "en")}`);
  };

  test("create form: each bad input names its field", () => {
    assert.deepEqual(message({ token: "a b", usesAllowed: "", expiryTime: null }), ["token: A token may only contain letters A–Z and a–z, digits and . _ ~ -"]);
    assert.deepEqual(message({ token: "x".repeat(65), usesAllowed: "", expiryTime: null }), ["token: A token has 64 characters at most."]);
    assert.match(message({ token: "", usesAllowed: "-1", expiryTime: null })[0], /^usesAllowed: Uses allowed must be a whole number/);
    assert.match(message({ token: "", usesAllowed: "1.5", expiryTime: null })[0], /^usesAllowed: /);
    assert.match(message({ token: "", usesAllowed: "many", expiryTime: null })[0], /^usesAllowed: /);
    assert.deepEqual(message({ token: "", usesAllowed: "", expiryTime: Date.now() - 1000 }), ["expiryTime: The expiry must be in the future."]);
    assert.deepEqual(message({ token: "", usesAllowed: "", expiryTime: "invalid" }), ["expiryTime: Enter a valid date and time for the expiry."]);
  });

  test("edit form needs the token it edits", () => {
    assert.equal(tokenUpdateSchema.safeParse({ token: "", usesAllowed: "1", expiryTime: null }).success, false);
    assert.equal(tokenUpdateSchema.safeParse({ token: "abc", usesAllowed: "1", expiryTime: null }).success, true);
  });
});

describe("federation", () => {
  const dest = (destination: string, failureTs: number | null): Destination => ({ destination, failureTs, retryLastTs: failureTs, retryIntervalMs: failureTs ? 600_000 : 0, lastSuccessfulStreamOrdering: null });

  test("failing servers first, each group in Synapse's order", () => {
    const out = failingFirst([dest("a", null), dest("b", 5), dest("c", null), dest("d", 3)]);
    assert.deepEqual(out.map((d) => d.destination), ["b", "d", "a", "c"]);
  });

  test("list URL keeps only what differs from the defaults; bad values fall back", () => {
    const q = destinationListQuerySchema.parse({ q: "matrix", sort: "nonsense", dir: "f", page: "2" });
    assert.equal(q.sort, "failure_ts");
    assert.equal(destinationListHref(q, {}), "/server/federation?q=matrix&dir=f&page=2");
    assert.equal(destinationListHref(destinationListQuerySchema.parse({}), {}), "/server/federation");
  });

  test("intervals read as an admin would say them", () => {
    assert.equal(formatInterval(0), "—");
    assert.equal(messageIn(formatInterval(45_000), "en"), "45 s");
    assert.equal(messageIn(formatInterval(600_000), "en"), "10 min");
    assert.equal(messageIn(formatInterval(9_000_000), "en"), "2.5 h");
    assert.equal(messageIn(formatInterval(3 * 86_400_000), "en"), "3 days");
    assert.equal(messageIn(formatInterval(9_000_000), "de"), "2,5 h");
    assert.equal(messageIn(formatInterval(86_400_000), "de"), "1 Tag");
  });
});

describe("scheduled tasks", () => {
  test("resources link to their room or user page", () => {
    assert.equal(taskResourceHref("!r:example.org"), "/rooms/!r%3Aexample.org");
    assert.equal(taskResourceHref("@u:example.org"), "/users/%40u%3Aexample.org");
    assert.equal(taskResourceHref("delete_old_otks"), null);
    assert.equal(taskResourceHref(null), null);
  });

  test("filters: a date means up to the end of that UTC day; junk is dropped", () => {
    const q = taskListQuerySchema.parse({ action: "purge_history", status: "failed", resource: "!r:x", before: "2026-01-31" });
    assert.deepEqual(taskFilterOf(q), { action: "purge_history", status: "failed", resourceId: "!r:x", beforeTs: Date.parse("2026-01-31T23:59:59.999Z") });
    assert.deepEqual(taskListQuerySchema.parse({ action: "DROP TABLE", status: "weird", before: "yesterday" }), { action: undefined, status: undefined, before: undefined });
  });
});

describe("dashboard", () => {
  test("months are UTC keys with readable labels", () => {
    assert.equal(monthKey(Date.UTC(2026, 0, 31, 23, 59)), "2026-01");
    assert.equal(monthLabel("2026-03"), "Mar 2026");
    assert.equal(monthLabel("2026-03", "de"), "März 2026");
    assert.equal(monthLabel("2026-09", "en", "short"), "Sep");
  });

  test("bars scale to the largest count and keep a sliver for empty months", () => {
    const bars = barLayout([0, 5, 10], 300, 100, 0);
    assert.deepEqual(bars.map((b) => b.height), [1, 50, 100]);
    assert.deepEqual(bars.map((b) => b.x), [0, 100, 200]);
    assert.equal(bars[2].y, 0);
  });

  test("only the two documented background jobs can be started", () => {
    assert.equal(backgroundJobSchema.safeParse({ job: "regenerate_directory" }).success, true);
    assert.equal(backgroundJobSchema.safeParse({ job: "drop_everything" }).success, false);
  });
});
