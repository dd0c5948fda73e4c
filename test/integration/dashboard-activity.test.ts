// The dashboard's stored user activity: the job kind reads the real Synapse's user list and stores the figures
// per homeserver; requests at once enqueue one computation; a fresh snapshot enqueues none; a failing one keeps
// the old figures and says why; the second test Synapse's snapshot is its own.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { forHomeserver, type ActivitySnapshotRecord } from "@/lib/db/tenant";
import { DASHBOARD_ACTIVITY_KIND, readActivitySnapshot, requestActivitySnapshot } from "@/lib/jobs/dashboard-activity";
import type { JobOwner } from "@/lib/jobs/jobs";
import { UNFINISHED } from "@/lib/jobs/room-tasks";
import { api, apiAt, loadPolicyTestbed, loadTestbed, passwordLogin } from "../../e2e/synapse/testbed";
import { stopTestRuntimes, testRuntime, until } from "./job-helpers";
import { messageIn } from "@/lib/i18n/translator";

const DAY = 86_400_000;
const policyTestbed = loadPolicyTestbed();
if (!policyTestbed) throw new Error("No second test Synapse: run `bash e2e/synapse/testbed.sh start` (npm test does).");

let a: JobOwner;
let b: JobOwner;

before(async () => {
  const tb = loadTestbed();
  a = { creds: { baseUrl: tb.baseUrl, accessToken: await passwordLogin(tb.admin.userId, tb.admin.password) }, actor: tb.admin.userId, homeserver: tb.baseUrl };
  const p = policyTestbed;
  b = { creds: { baseUrl: p.baseUrl, accessToken: await passwordLogin(p.admin.userId, p.admin.password, p.baseUrl) }, actor: p.admin.userId, homeserver: p.baseUrl };
});

/** Synapse's own figures, from its user list: all accounts, active in the last 30 days, registered this month. */
async function synapseCounts(owner: JobOwner) {
  const r = await apiAt<{ users: { creation_ts: number; last_seen_ts: number | null }[]; total: number }>(owner.creds.baseUrl, "/_synapse/admin/v3/users?limit=1000000&locked=true", {
    token: owner.creds.accessToken,
  });
  const now = Date.now();
  const month = new Date(now).toISOString().slice(0, 7);
  return {
    total: r.body.total,
    active30: r.body.users.filter((u) => u.last_seen_ts !== null && u.last_seen_ts >= now - 30 * DAY).length,
    thisMonth: r.body.users.filter((u) => new Date(u.creation_ts).toISOString().slice(0, 7) === month).length,
  };
}

const snapshotOf = (owner: JobOwner) => forHomeserver(owner.homeserver).activity.get();
const unfinishedJobs = async (owner: JobOwner) => (await forHomeserver(owner.homeserver).jobs.list({ kinds: [DASHBOARD_ACTIVITY_KIND], statuses: UNFINISHED }, { skip: 0, take: 10 })).total;

/** Waits for the pending computation to land (figures stored, request ended). */
const landed = (owner: JobOwner): Promise<ActivitySnapshotRecord> =>
  until(`the activity snapshot of ${owner.homeserver}`, async () => {
    const s = await snapshotOf(owner);
    return s && !s.requestedAt ? s : null;
  });

function assertBracketed(shown: number, before: number, after: number, what: string) {
  assert.ok(before <= shown && shown <= after, `${what}: ${shown} lies between Synapse's ${before} before and ${after} after`);
}

describe("dashboard activity snapshot", () => {
  test("requests at once enqueue one job; it stores the figures Synapse's user list gives", async () => {
    // Nothing pending from before (the database may be reused): let a runtime finish it, then stop it so the
    // requests below find their job unclaimed.
    testRuntime("activity-drain");
    await until("no pending activity computation", async () => !(await snapshotOf(a))?.requestedAt && (await unfinishedJobs(a)) === 0);
    await stopTestRuntimes();

    const before = await synapseCounts(a);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => requestActivitySnapshot(a, { force: true })));
    assert.deepEqual(outcomes.toSorted(), ["pending", "pending", "pending", "pending", "queued"]);
    assert.equal(await unfinishedJobs(a), 1, "one job for the five requests");
    const pending = await snapshotOf(a);
    assert.ok(pending?.requestedAt && pending.jobId, "the request names its job");

    testRuntime("activity");
    const snap = await landed(a);
    const after = await synapseCounts(a);
    const f = snap.figures;
    assert.ok(f, snap.error ?? "figures stored");
    assertBracketed(f.totalUsers, before.total, after.total, "all accounts");
    assertBracketed(f.active.find((x) => x.days === 30)!.count, before.active30, after.active30, "active in 30 days");
    assert.ok(f.active[0].count <= f.active[1].count && f.active[1].count <= f.active[2].count, "1 ≤ 7 ≤ 30 days");
    assert.equal(f.perMonth.length, 12);
    assertBracketed(f.perMonth.at(-1)!.count, before.thisMonth, after.thisMonth, "registered this month");
    assert.equal(f.perMonth.at(-1)!.month, new Date().toISOString().slice(0, 7));
    const job = await forHomeserver(a.homeserver).jobs.get(pending.jobId);
    assert.equal(job?.status, "completed", job?.message ?? "");
    assert.equal(job?.credential, null, "the sealed token is dropped at the end");
  });

  test("a fresh snapshot enqueues nothing; the page's read returns it as stored", async () => {
    const stored = await landed(a);
    assert.equal(await requestActivitySnapshot(a, { force: false }), "fresh");
    const read = await readActivitySnapshot(a);
    assert.equal(read?.requestedAt, null);
    assert.deepEqual(read?.figures, stored.figures);
    assert.equal(await unfinishedJobs(a), 0);
  });

  test("a computation that fails keeps the old figures, says why, and ends the request", async () => {
    const old = await landed(a);
    const revoked = { ...a, creds: { ...a.creds, accessToken: await passwordLogin(a.actor, loadTestbed().admin.password) } };
    await api("/_matrix/client/v3/logout", { method: "POST", token: revoked.creds.accessToken, body: {} });
    assert.equal(await requestActivitySnapshot(revoked, { force: true }), "queued");
    const snap = await landed(a);
    assert.deepEqual(snap.figures, old.figures, "the old figures stay");
    assert.match(messageIn(snap.error ?? ""), /^Counting users failed: Your session ended\. Sign in again\.$/);
    // The next success clears the error.
    assert.equal(await requestActivitySnapshot(a, { force: true }), "queued");
    const again = await landed(a);
    assert.equal(again.error, null);
    assert.ok(again.figures!.computedAt > old.figures!.computedAt, "a newer snapshot");
    const jobs = await forHomeserver(a.homeserver).jobs.list({ kinds: [DASHBOARD_ACTIVITY_KIND] }, { skip: 0, take: 10 });
    assert.equal(jobs.total, 1, "only the latest computation stays in the job list");
  });

  test("the second homeserver's snapshot is its own, and never the first one's", async () => {
    const ofA = await landed(a);
    let before = await synapseCounts(b);
    if (before.total === ofA.figures!.totalUsers) {
      // Run alone, both servers may hold only their admin: one more account on B makes the comparison below mean something.
      const id = `@dash-extra-${Date.now().toString(36)}:${b.actor.split(":").slice(1).join(":")}`;
      const put = await apiAt(b.creds.baseUrl, `/_synapse/admin/v2/users/${encodeURIComponent(id)}`, { method: "PUT", token: b.creds.accessToken, body: {} });
      assert.equal(put.status, 201, "an extra account on B");
      before = await synapseCounts(b);
    }
    const requested = await readActivitySnapshot(b); // a first page view asks for one
    assert.equal(requested?.figures ?? null, null, "B sees no figures before its own computation");
    assert.ok(requested?.requestedAt);
    const snap = await landed(b);
    const after = await synapseCounts(b);
    assertBracketed(snap.figures!.totalUsers, before.total, after.total, "B's accounts");
    assert.notEqual(snap.figures!.totalUsers, ofA.figures!.totalUsers);
    assert.deepEqual((await snapshotOf(a))?.figures, ofA.figures, "A's snapshot is unchanged");
    const bJobs = await forHomeserver(b.homeserver).jobs.list({ kinds: [DASHBOARD_ACTIVITY_KIND] }, { skip: 0, take: 10 });
    assert.ok(bJobs.rows.every((j) => j.homeserver === b.homeserver) && bJobs.total === 1);
  });
});
