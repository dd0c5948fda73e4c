// Tenant isolation with the two real Synapses of the test bed: what the admin of homeserver A stored (an
// import, audit entries, purge records, a report triage) does not exist through any accessor for homeserver
// B: lists, counts, get by id, the freed-bytes sum, and every change by id is refused and changes nothing.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadPolicyTestbed, passwordLogin, randomSuffix } from "../../e2e/synapse/testbed";
import { importCsv, inEnglish, testActor } from "./import-helpers";
import { forHomeserver, NotThisHomeserversRecord } from "@/lib/db/tenant";
import { getImportJob } from "@/lib/db/import-jobs";
import { listImportRows } from "@/lib/db/import-rows";
import { startPurgeRemoteCache, type JobContext } from "@/lib/jobs/media-purges";
import { getJobView } from "@/lib/jobs/jobs";
import { jobPurgeRecord, testRuntime } from "./job-helpers";
import { cancelImport, loadJobFor, purgeImportPasswords, rerunFailedRows } from "@/lib/jobs/import-commands";

// The provisioned test bed starts it; scripts/test.sh leaves this file out against a SYNAPSE_URL server.
const policyTestbed = loadPolicyTestbed();
if (!policyTestbed) throw new Error("No second test Synapse: run `bash e2e/synapse/testbed.sh start` (npm test does).");
const tbB = policyTestbed;

let ctxA: JobContext;
let ctxB: JobContext;
let jobA: number;
let purgeA: number;
let purgeJobA: number;
let freedA: number;
const reportId = 900_000 + Math.floor(Math.random() * 99_999);

before(async () => {
  testRuntime("tenants");
  ctxA = await testActor();
  ctxB = { creds: { baseUrl: tbB.baseUrl, accessToken: await passwordLogin(tbB.admin.userId, tbB.admin.password, tbB.baseUrl) }, actor: tbB.admin.userId, homeserver: tbB.baseUrl };
  assert.notEqual(ctxA.homeserver, ctxB.homeserver);
  // A's records, made the way the portal makes them: a real import and a real purge on Synapse A.
  const s = randomSuffix();
  jobA = (await importCsv(`id,displayname\nten-${s},Tenant A ${s}\nten-bad ${s},Bad\n`, { passwords: "none" })).jobId;
  purgeJobA = await startPurgeRemoteCache(ctxA, Date.now());
  const rowA = await jobPurgeRecord(ctxA.homeserver, purgeJobA, null);
  assert.equal(rowA.status, "ok");
  purgeA = rowA.id;
  const a = forHomeserver(ctxA.homeserver);
  freedA = 4242;
  const withBytes = await a.purges.start({ actor: ctxA.actor, kind: "media.delete-selected", scope: {} });
  await a.purges.finish(withBytes, { status: "ok", filesDeleted: 1, bytesFreed: freedA });
  await a.reportTriage.resolve(reportId, ctxA.actor);
  // And one purge of B's own, so B's lists are not empty by accident.
  assert.equal((await jobPurgeRecord(ctxB.homeserver, await startPurgeRemoteCache(ctxB, Date.now()), null)).status, "ok");
});

describe("homeserver A's records seen from homeserver B", () => {
  test("A sees its own records (the checks below would pass vacuously otherwise)", async () => {
    const a = forHomeserver(ctxA.homeserver);
    assert.equal((await a.importJobs.get(jobA))?.id, jobA);
    assert.equal((await a.purges.get(purgeA))?.id, purgeA);
    assert.ok((await a.audit.list({ actor: ctxA.actor }, { skip: 0, take: 5 })).total > 0);
    assert.ok((await a.purges.bytesFreedSince(new Date(Date.now() - 60_000))) >= freedA);
    assert.ok((await a.reportTriage.get([reportId])).has(reportId));
    assert.equal((await a.importRows.list(jobA, {}, { skip: 0, take: 10 })).total, 2);
  });

  test("lists, counts and the freed-bytes sum of B contain nothing of A", async () => {
    const b = forHomeserver(ctxB.homeserver);
    const audit = await b.audit.list({}, { skip: 0, take: 10_000 });
    assert.ok(audit.total > 0, "B's own purge is audited");
    assert.deepEqual(audit.rows.filter((r) => r.homeserver !== ctxB.homeserver), []);
    assert.equal((await b.audit.list({ actor: ctxA.actor }, { skip: 0, take: 5 })).total, 0);
    const purges = await b.purges.list({}, { skip: 0, take: 10_000 });
    assert.ok(purges.total > 0);
    assert.deepEqual(purges.rows.filter((r) => r.homeserver !== ctxB.homeserver), []);
    assert.equal(await b.purges.ofJob(purgeJobA, null), null);
    assert.deepEqual((await b.jobs.list({}, { skip: 0, take: 10_000 })).rows.filter((j) => j.id === purgeJobA), []);
    assert.equal(await b.purges.bytesFreedSince(new Date(Date.now() - 60_000)), 0);
    assert.deepEqual((await b.importJobs.list({}, { skip: 0, take: 10_000 })).rows.filter((j) => j.id === jobA), []);
    assert.equal((await b.reportTriage.get([reportId])).size, 0);
  });

  test("A's job, its rows and A's purge record are not found by id from B", async () => {
    const b = forHomeserver(ctxB.homeserver);
    assert.equal(await b.importJobs.get(jobA), null);
    assert.equal(await b.purges.get(purgeA), null);
    assert.equal(await getJobView(ctxB.homeserver, purgeJobA), null);
    assert.ok(await getJobView(ctxA.homeserver, purgeJobA));
    for (const read of [
      () => b.importRows.list(jobA, {}, { skip: 0, take: 10 }),
      () => b.importRows.count(jobA),
      () => b.importRows.afterId(jobA, 0, 10),
      () => b.importRows.countFilePasswords(jobA),
      () => b.importRows.countGeneratedPasswords(jobA),
      () => b.importJobs.followUpOf(jobA),
    ]) {
      await assert.rejects(read(), NotThisHomeserversRecord);
    }
    await assert.rejects(loadJobFor(jobA, ctxB), inEnglish(/There is no such import job/));
  });

  test("changes by id from B are refused and leave A's records as they were", async () => {
    const b = forHomeserver(ctxB.homeserver);
    const before = await getImportJob(jobA);
    const rowsBefore = (await listImportRows(jobA, {}, { skip: 0, take: 10 })).rows;
    await assert.rejects(b.importJobs.update(jobA, { message: "from B" }), NotThisHomeserversRecord);
    await assert.rejects(b.importJobs.transition(jobA, ["completed"], { status: "cancelled" }), NotThisHomeserversRecord);
    await assert.rejects(b.importJobs.delete(jobA), NotThisHomeserversRecord);
    await assert.rejects(b.importRows.finishInStatus(jobA, ["created", "invalid"], "not-run"), NotThisHomeserversRecord);
    await assert.rejects(b.importRows.purgePasswords(jobA), NotThisHomeserversRecord);
    const ownJob = await b.importJobs.create({ actor: ctxB.actor, serverName: "x", fileName: "b.csv", dryRun: true, options: before!.options, status: "review" });
    await assert.rejects(b.importRows.moveToJob(jobA, ownJob, undefined, false), NotThisHomeserversRecord);
    await assert.rejects(forHomeserver(ctxA.homeserver).importRows.moveToJob(jobA, ownJob, undefined, false), NotThisHomeserversRecord);
    await assert.rejects(cancelImport(jobA, ctxB), inEnglish(/There is no such import job/));
    await assert.rejects(rerunFailedRows(jobA, ctxB), inEnglish(/There is no such import job/));
    await assert.rejects(purgeImportPasswords(jobA, ctxB), inEnglish(/There is no such import job/));
    assert.deepEqual(await getImportJob(jobA), before);
    assert.deepEqual((await listImportRows(jobA, {}, { skip: 0, take: 10 })).rows, rowsBefore);
    assert.equal((await listImportRows(ownJob, {}, { skip: 0, take: 10 })).total, 0);

    const purgeBefore = await forHomeserver(ctxA.homeserver).purges.get(purgeA);
    await b.purges.setTaskId(purgeA, "from-b");
    await assert.rejects(b.purges.finish(purgeA, { status: "failed", error: "from B" }));
    assert.deepEqual(await forHomeserver(ctxA.homeserver).purges.get(purgeA), purgeBefore);

    await b.reportTriage.clear(reportId);
    assert.ok((await forHomeserver(ctxA.homeserver).reportTriage.get([reportId])).has(reportId));
    assert.equal((await b.reportTriage.resolve(reportId, ctxB.actor)).resolvedBy, ctxB.actor);
    assert.equal((await forHomeserver(ctxA.homeserver).reportTriage.get([reportId])).get(reportId)?.resolvedBy, ctxA.actor);

    const [entryA] = (await forHomeserver(ctxA.homeserver).audit.list({ actor: ctxA.actor, action: "media.purge-remote-cache" }, { skip: 0, take: 1 })).rows;
    await b.audit.complete(entryA.id, "forged", "from B");
    const [after] = (await forHomeserver(ctxA.homeserver).audit.list({ actor: ctxA.actor, action: "media.purge-remote-cache" }, { skip: 0, take: 1 })).rows;
    assert.deepEqual(after, entryA);
  });
});

describe("the audit entry is written before the action runs (L9)", () => {
  test("a started action's entry exists while it runs, and carries its outcome afterwards", async () => {
    const { withAudit } = await import("@/lib/audit/record");
    const a = forHomeserver(ctxA.homeserver);
    const action = `test.started-${randomSuffix()}`;
    let seenWhileRunning: string[] = [];
    await withAudit(ctxA, { action }, async () => {
      seenWhileRunning = (await a.audit.list({ action }, { skip: 0, take: 5 })).rows.map((r) => r.outcome);
    });
    assert.deepEqual(seenWhileRunning, ["started"]);
    assert.deepEqual((await a.audit.list({ action }, { skip: 0, take: 5 })).rows.map((r) => r.outcome), ["ok"]);
  });
});
