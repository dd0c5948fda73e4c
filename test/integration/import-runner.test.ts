// The import worker against the real Synapse and a throwaway SQLite file: restart safety (rows in flight),
// a credential that dies, an unreachable homeserver, dry runs and their follow-ups, re-runs, bad files.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { adminToken, api, createUser, loadTestbed, passwordLogin, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { chunked, importCsv, inEnglish, jobState, receiveAsAdmin, testActor, uploadCsv } from "./import-helpers";
import { messageIn } from "@/lib/i18n/translator";
import { getImportJob, transitionImportJob, transitionImportJobFenced, updateImportJob } from "@/lib/db/import-jobs";
import { rowsInStatus } from "@/lib/db/import-rows";
import { cancelImport, purgeImportPasswords, rerunFailedRows, resumeImport, runDryRunForReal, startImport } from "@/lib/jobs/import-commands";
import { sealCredential } from "@/lib/jobs/import-credential";
import { setOutageLimitForTests } from "@/lib/jobs/import-run";
import { finishRows, markRowInFlight, setRowUserIds } from "@/lib/db/import-row-writes";
import { LeaseLost } from "@/lib/db/jobs";
import { claimNext } from "@/lib/db/leases";
import { sleep } from "@/lib/pool";
import { waitForImport } from "@/lib/jobs/import-runner";
import { jobRuntime } from "@/lib/jobs/runtime";
import { importReportLines } from "@/lib/jobs/import-report";
import { snapshotUsers, getImportUser, putImportUser } from "@/lib/synapse/import-users";
import { DEFAULT_IMPORT_OPTIONS } from "@/lib/schemas/import";
import { forHomeserver } from "@/lib/db/tenant";

const tb = loadTestbed();

async function user(userId: string) {
  const r = await api<{ displayname: string; admin: boolean }>(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { token: await adminToken() });
  return r.status === 200 ? r.body : null;
}

after(() => setOutageLimitForTests(15 * 60 * 1000));

describe("lib/synapse/import-users", () => {
  test("one pass over the user list finds deactivated and locked users too, with details only where asked", async () => {
    const s = randomSuffix();
    const hs = await serverName();
    const gone = await createUser(`iu-gone-${s}`, `pw-${s}`);
    const locked = await createUser(`iu-locked-${s}`, `pw-${s}`);
    const creds = { baseUrl: tb.baseUrl, accessToken: await adminToken() };
    await putImportUser(creds, gone, { deactivated: true });
    await putImportUser(creds, locked, { locked: true, displayname: "Locked One" });
    const snap = await snapshotUsers(creds, (id) => id === locked);
    assert.ok(snap.ids.has(gone));
    assert.ok(snap.ids.has(locked));
    assert.ok(snap.ids.has(tb.admin.userId));
    assert.deepEqual(snap.details.get(locked), { displayname: "Locked One", admin: false, deactivated: false, locked: true, userType: null, avatarUrl: null });
    assert.equal(snap.details.has(gone), false);
    assert.equal(snap.ids.has(`@iu-none-${s}:${hs}`), false);
  });

  test("PUT reports created (201) versus updated (200); a missing user reads as null", async () => {
    const s = randomSuffix();
    const id = `@iu-put-${s}:${await serverName()}`;
    const creds = { baseUrl: tb.baseUrl, accessToken: await adminToken() };
    assert.equal(await getImportUser(creds, id), null);
    assert.equal(await putImportUser(creds, id, { displayname: "One", threepids: [{ medium: "email", address: `iu-${s}@example.org` }] }), "created");
    assert.equal(await putImportUser(creds, id, { displayname: "Two" }), "updated");
    const u = await getImportUser(creds, id);
    assert.equal(u?.displayname, "Two");
    assert.deepEqual(u?.threepids, [{ medium: "email", address: `iu-${s}@example.org` }]);
  });
});

describe("the import worker", () => {
  test("rows in flight when the portal died are looked up on Synapse, never sent twice", async () => {
    const s = randomSuffix();
    const hs = await serverName();
    const up = await uploadCsv(`id,displayname\nrs-landed-${s},From File\nrs-lost-${s},From File\nrs-next-${s},From File\n`, { passwords: "none" });
    assert.ok(up.ok);
    const rows = await rowsInStatus(up.jobId, "pending");
    // As if the portal crashed right after sending line 2 (it reached Synapse) and line 3 (it did not).
    const { db } = await import("@/lib/db/client");
    await db().importRow.updateMany({ where: { id: { in: [rows[0].id, rows[1].id] } }, data: { status: "in-flight", attempt: "create" } });
    await api(`/_synapse/admin/v2/users/${encodeURIComponent(`@rs-landed-${s}:${hs}`)}`, { method: "PUT", token: await adminToken(), body: { displayname: "Landed Before Crash" } });
    await updateImportJob(up.jobId, { credential: sealCredential(up.jobId, await adminToken()), credentialKind: "session", startedAt: new Date() });
    await transitionImportJob(up.jobId, ["review"], { status: "running" });

    // No lease on it: the runtime claims it like a job its dead owner left.
    jobRuntime().poke();
    await waitForImport(up.jobId);
    const { job, byLine } = await jobState(up.jobId);
    assert.equal(job.status, "completed");
    assert.equal(job.credential, null);
    assert.deepEqual([byLine.get(2)!.status, byLine.get(2)!.reason], ["created", "confirmed on the homeserver after a restart"]);
    assert.equal((await user(`@rs-landed-${s}:${hs}`))!.displayname, "Landed Before Crash"); // not PUT again
    assert.equal(byLine.get(3)!.status, "created");
    assert.equal((await user(`@rs-lost-${s}:${hs}`))!.displayname, "From File");
    assert.equal(byLine.get(4)!.status, "created");
  });

  test("a stale owner's row and job writes are fenced off once another instance claimed the job", async () => {
    const s = randomSuffix();
    const up = await uploadCsv(`id\nfence-a-${s}\nfence-b-${s}\n`, { passwords: "none" });
    assert.ok(up.ok);
    // A status of this test's own: neither the runtime nor another job's test competes for the job.
    const mark = `fence-test-${s}`;
    const { db } = await import("@/lib/db/client");
    await db().importJob.update({ where: { id: up.jobId }, data: { status: mark } });
    const claim = (owner: string, leaseMs: number) => claimNext({ table: "importJob", statuses: [mark], skip: [], owner, leaseMs });
    const stale = await claim(`stale-${s}`, 200);
    assert.equal(stale?.id, up.jobId);
    await sleep(300);
    const fresh = await claim(`fresh-${s}`, 10_000);
    assert.deepEqual([fresh?.id, fresh?.fence], [up.jobId, stale!.fence + 1]);
    const rows = await rowsInStatus(up.jobId, "pending");
    await assert.rejects(markRowInFlight(stale!, rows[0].id, "create", {}), LeaseLost);
    await assert.rejects(finishRows(stale!, rows.map((r) => r.id), { status: "skipped", reason: "stale" }), LeaseLost);
    await assert.rejects(setRowUserIds(stale!, [{ id: rows[0].id, userId: "@stale:example.org" }]), LeaseLost);
    await assert.rejects(transitionImportJobFenced(stale!, [mark as "review"], { status: "running" }), LeaseLost);
    const before = await jobState(up.jobId);
    assert.deepEqual(before.rows.map((r) => [r.status, r.reason]), [["pending", null], ["pending", null]]);
    assert.equal(before.job.status, mark);
    // The holder of the current counter writes.
    await markRowInFlight(fresh!, rows[0].id, "create", {});
    assert.equal((await jobState(up.jobId)).byLine.get(2)!.status, "in-flight");
  });

  test("a credential that stops working pauses the job visibly; Resume continues with the admin's session", async () => {
    const s = randomSuffix();
    const hs = await serverName();
    const up = await uploadCsv(`id\ncred-a-${s}\ncred-b-${s}\n`, { passwords: "none" });
    assert.ok(up.ok);
    const dead = await passwordLogin(tb.admin.userId, tb.admin.password);
    await api("/_matrix/client/v3/logout", { method: "POST", token: dead, body: {} });
    await updateImportJob(up.jobId, { credential: sealCredential(up.jobId, dead), credentialKind: "session" });
    await transitionImportJob(up.jobId, ["review"], { status: "queued" });
    jobRuntime().poke();
    await waitForImport(up.jobId);
    let job = (await getImportJob(up.jobId))!;
    assert.equal(job.status, "paused");
    assert.match(messageIn(job.message!), /session this job used has ended.*Press Resume/);
    assert.equal(job.credential, null);
    assert.equal(await user(`@cred-a-${s}:${hs}`), null);

    await resumeImport(up.jobId, await testActor());
    await waitForImport(up.jobId);
    job = (await getImportJob(up.jobId))!;
    assert.equal(job.status, "completed");
    assert.ok(await user(`@cred-b-${s}:${hs}`));
  });

  test("an unreachable homeserver is retried, then pauses the job instead of failing rows", async () => {
    setOutageLimitForTests(1_500);
    try {
      const s = randomSuffix();
      const up = await uploadCsv(`id\nout-${s}\n`, { passwords: "none" });
      assert.ok(up.ok);
      const job = (await getImportJob(up.jobId))!;
      // Point this job at a port where nothing listens.
      const { db } = await import("@/lib/db/client");
      await db().importJob.update({ where: { id: job.id }, data: { homeserver: "http://127.0.0.1:9" } });
      await updateImportJob(job.id, { credential: sealCredential(job.id, "fake-token-never-used"), credentialKind: "session" });
      await transitionImportJob(job.id, ["review"], { status: "queued" });
      jobRuntime().poke();
      await waitForImport(job.id);
      const after = (await getImportJob(job.id))!;
      assert.equal(after.status, "paused");
      assert.match(messageIn(after.message!), /has not answered properly for a long time.*Press Resume once it is back/);
      assert.notEqual(after.credential, null); // kept for the resume
      const { byLine } = await jobState(job.id);
      assert.equal(byLine.get(2)!.status, "pending");
    } finally {
      setOutageLimitForTests(15 * 60 * 1000);
    }
  });

  test("a dry run changes nothing; run for real, its ids from display names are chosen again against the server", async () => {
    const s = randomSuffix();
    const hs = await serverName();
    const csv = `id,displayname,password\n,Dry ${s},pw-${s}-dry\ndry-own-${s},Own,\n`;
    const dry = await importCsv(csv, { ids: "generate-missing", passwords: "csv", dryRun: true });
    assert.equal(dry.job.status, "completed");
    assert.deepEqual(dry.rows.map((r) => [r.userId, r.status, r.reason]), [
      [`@dry.${s}:${hs}`, "would-create", "with the file's password"],
      [`@dry-own-${s}:${hs}`, "would-create", "without a password"],
    ]);
    assert.equal(await user(`@dry.${s}:${hs}`), null);
    // Someone takes the generated id meanwhile.
    await createUser(`dry.${s}`, `pw-${s}-other`);
    const realId = await runDryRunForReal(dry.jobId, await testActor());
    await waitForImport(realId);
    const real = await jobState(realId);
    assert.equal(real.job.parentId, dry.jobId);
    assert.deepEqual(real.rows.map((r) => [r.userId, r.status]), [
      [`@dry.${s}.2:${hs}`, "created"],
      [`@dry-own-${s}:${hs}`, "created"],
    ]);
    assert.ok(await passwordLogin(`@dry.${s}.2:${hs}`, `pw-${s}-dry`));
    const dryAfter = await jobState(dry.jobId);
    assert.ok(dryAfter.rows.every((r) => r.csvPassword === null), "the dry run keeps no passwords once carried out");
  });

  test("a dry run's file passwords can be purged; it can then no longer be run for real", async () => {
    const s = randomSuffix();
    const dry = await importCsv(`id,password\npurge-${s},secret-${s}\n`, { passwords: "csv", dryRun: true });
    assert.match(dry.rows[0].csvPassword ?? "", /^v1\./);
    await purgeImportPasswords(dry.jobId, await testActor());
    assert.equal((await jobState(dry.jobId)).rows[0].csvPassword, null);
    await assert.rejects(runDryRunForReal(dry.jobId, await testActor()), inEnglish(/passwords were purged from this dry run/));
    await assert.rejects(purgeImportPasswords(dry.jobId, { ...(await testActor()), actor: "@someone-else:example.org" }), inEnglish(/Only .* can purge its passwords/));
  });

  test("failed rows are re-run as a new job; the report and the audit log tell what happened", async () => {
    const s = randomSuffix();
    const hs = await serverName();
    const first = await importCsv(`id,user_type\nrr-ok-${s},\nrr-bad-${s},no-such-type\n`, { passwords: "none" });
    assert.equal(first.job.status, "completed");
    assert.equal(first.byLine.get(3)!.status, "failed");
    assert.match(first.byLine.get(3)!.reason!, /Invalid user type/);
    const lines: string[] = [];
    for await (const l of importReportLines(first.job, false)) lines.push(l);
    assert.deepEqual(lines, [
      "line,id,outcome,reason,changes,password\r\n",
      `2,'@rr-ok-${s}:${hs},created,,,\r\n`,
      `3,'@rr-bad-${s}:${hs},failed,Invalid user type.,user_type: no-such-type,\r\n`,
    ]);
    const audit = await forHomeserver(tb.baseUrl).audit.list({ target: `rr-bad-${s}` }, { skip: 0, take: 5 });
    assert.deepEqual(audit.rows.map((r) => [r.action, r.outcome]), [["user.create", "M_UNKNOWN"]]);

    const again = await rerunFailedRows(first.jobId, await testActor());
    await waitForImport(again);
    const second = await jobState(again);
    assert.deepEqual(second.rows.map((r) => [r.line, r.status]), [[3, "failed"]]);
    await assert.rejects(rerunFailedRows(first.jobId, await testActor()), inEnglish(new RegExp(`already been carried on as import #${again}`)));
  });

  test("new users the file wants deactivated or locked end up so (Synapse ignores both flags on create)", async () => {
    const s = randomSuffix();
    const hs = await serverName();
    const r = await importCsv(`id,deactivated,locked\nfl-off-${s},true,\nfl-lock-${s},,yes\nfl-plain-${s},false,false\n`, { passwords: "none" });
    assert.deepEqual(r.rows.map((x) => x.status), ["created", "created", "created"]);
    const get = async (id: string) => (await api<{ deactivated: boolean; locked: boolean }>(`/_synapse/admin/v2/users/${encodeURIComponent(`@${id}:${hs}`)}`, { token: await adminToken() })).body;
    assert.deepEqual([(await get(`fl-off-${s}`)).deactivated, (await get(`fl-off-${s}`)).locked], [true, false]);
    assert.deepEqual([(await get(`fl-lock-${s}`)).deactivated, (await get(`fl-lock-${s}`)).locked], [false, true]);
    assert.deepEqual([(await get(`fl-plain-${s}`)).deactivated, (await get(`fl-plain-${s}`)).locked], [false, false]);
  });

  test("cancelling a running job (a flag in the database, seen by the lease watch) stops it after the rows in flight", async () => {
    const s = randomSuffix();
    const hs = await serverName();
    const ids = Array.from({ length: 40 }, (_, i) => `cr-${s}-${String(i).padStart(2, "0")}`);
    // Generated passwords: Synapse hashes each one, so the rows take long enough to cancel in the middle.
    const up = await uploadCsv(`id\n${ids.join("\n")}\n`, { passwords: "generate-all", concurrency: 1 });
    assert.ok(up.ok);
    await startImport(up.jobId, await testActor());
    for (let i = 0; i < 200 && ((await forHomeserver(tb.baseUrl).importRows.count(up.jobId)).created ?? 0) < 2; i++) await sleep(50);
    assert.equal(await cancelImport(up.jobId, await testActor()), "cancelling");
    await waitForImport(up.jobId);
    const { job, rows } = await jobState(up.jobId);
    assert.equal(job.status, "cancelled");
    assert.equal(job.credential, null);
    const created = rows.filter((r) => r.status === "created").length;
    assert.ok(created >= 2 && created < ids.length, `${created} created before the cancel took effect`);
    assert.deepEqual(new Set(rows.map((r) => r.status)), new Set(["created", "not-run"]));
    const { users } = (await api<{ users: { name: string }[] }>(`/_synapse/admin/v2/users?user_id=${encodeURIComponent(`cr-${s}-`)}&limit=100`, { token: await adminToken() })).body;
    assert.deepEqual(users.map((u) => u.name).sort(), rows.filter((r) => r.status === "created").map((r) => r.userId).sort());
    assert.ok(users.every((u) => u.name.endsWith(`:${hs}`)));
  });

  test("cancelling a job under review discards it and sends nothing", async () => {
    const s = randomSuffix();
    const up = await uploadCsv(`id\ncx-${s}\nBAD ${s}\n`, { passwords: "none" });
    assert.ok(up.ok && up.invalidRows === 1);
    assert.equal((await getImportJob(up.jobId))!.status, "review");
    assert.equal(await cancelImport(up.jobId, await testActor()), "cancelled");
    const { job, byLine } = await jobState(up.jobId);
    assert.equal(job.status, "cancelled");
    assert.equal(byLine.get(2)!.status, "not-run");
    assert.equal(await user(`@cx-${s}:${await serverName()}`), null);
    await assert.rejects(startImport(up.jobId, await testActor()), inEnglish(/already been started/));
  });

  test("file passwords are stored sealed, never in clear, and erased once used", async () => {
    const s = randomSuffix();
    const up = await uploadCsv(`id,password\nsealed-${s},clear-text-${s}\n`, { passwords: "csv" });
    assert.ok(up.ok);
    const { db } = await import("@/lib/db/client");
    const raw = await db().$queryRawUnsafe<{ input: string; csvPassword: string }[]>(`SELECT "input", "csvPassword" FROM "ImportRow" WHERE "jobId" = ${up.jobId}`);
    assert.doesNotMatch(JSON.stringify(raw), new RegExp(`clear-text-${s}`));
    assert.match(raw[0].csvPassword, /^v1\./);
    await startImport(up.jobId, await testActor());
    await waitForImport(up.jobId);
    const done = await jobState(up.jobId);
    assert.equal(done.rows[0].csvPassword, null);
    assert.equal((await getImportJob(up.jobId))!.credential, null);
  });
});

describe("job metrics", () => {
  test("jobs are counted by kind and status from both tables the runtime drives (read at scrape time)", async () => {
    const { countJobsByKindAndStatus } = await import("@/lib/db/health");
    const { createJob } = await import("@/lib/db/jobs");
    const s = randomSuffix();
    const count = async (kind: string, status: string) => (await countJobsByKindAndStatus()).find((c) => c.kind === kind && c.status === status)?.count ?? 0;
    const before = { imports: await count("import", "completed"), other: await count(`metrics.${s}`, "cancelled") };
    // A job of the other table, ended at once (a queued one would be claimed by other suites' claimers).
    const id = await createJob({ kind: `metrics.${s}`, homeserver: tb.baseUrl, actor: tb.admin.userId, params: {} });
    assert.ok(await forHomeserver(tb.baseUrl).jobs.transition(id, ["queued"], { status: "cancelled" }));
    await importCsv(`id\nmetrics-${s}\n`, { passwords: "none" });
    assert.equal(await count(`metrics.${s}`, "cancelled"), before.other + 1);
    assert.equal(await count("import", "completed"), before.imports + 1);
  });
});

describe("receiveImportFile", () => {
  test("a file over the limit is refused while streaming (no Content-Length to trust), and nothing is kept", async () => {
    const r = await receiveAsAdmin({
      fileName: "big.csv",
      options: DEFAULT_IMPORT_OPTIONS,
      body: (async function* () {
        yield Buffer.from("id,displayname\n");
        const lines = Buffer.from(Array.from({ length: 1000 }, (_, i) => `big-${i},Big ${i}\n`).join(""));
        for (let sent = 0; sent < 1.2 * 1024 * 1024; sent += lines.length) yield lines;
      })(),
      maxBytes: 1024 * 1024,
    });
    assert.deepEqual(!r.ok && { ...r, message: messageIn(r.message) }, { ok: false, problem: "too-large", message: "The file is larger than the limit of 1 MB. Split it into smaller files." });
    const { db } = await import("@/lib/db/client");
    assert.equal(await db().importJob.count({ where: { fileName: "big.csv" } }), 0);
  });

  test("an upload that arrives shorter than its declared length is refused", async () => {
    const r = await receiveAsAdmin({
      fileName: "cut.csv",
      options: DEFAULT_IMPORT_OPTIONS,
      body: chunked("id\nann\nbo"),
      maxBytes: 1000,
      expectedBytes: 500,
    });
    assert.deepEqual(!r.ok && { ...r, message: messageIn(r.message) }, { ok: false, problem: "truncated", message: "Only 9 of the file's 500 bytes arrived. Nothing was imported; upload it again." });
  });

  test("header only, and a semicolon file read with commas", async () => {
    assert.deepEqual(await uploadCsv("id,displayname\r\n\r\n"), { ok: false, problem: "header-only", message: "The file has a header but no rows below it." });
    const wrong = await uploadCsv("id;displayname\nann;Ann\n", { delimiter: "," });
    assert.equal(!wrong.ok && wrong.problem, "wrong-delimiter");
  });
});
