// lib/synapse/user-reports and the user-report key space of lib/db/report-triage, against the real test
// Synapse (the report is filed through the client API by a normal user) and a throwaway SQLite file.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { deleteUserReport, getUserReport, listAllUserReports } from "@/lib/synapse/user-reports";
import { clearReportResolution, getResolutions, resolveReport } from "@/lib/db/report-triage";
import { adminToken, api, loadTestbed, randomSuffix } from "../../e2e/synapse/testbed";
import { createMember } from "../../e2e/rooms-fixtures";

const tb = loadTestbed();
let creds: { baseUrl: string; accessToken: string };
let target: { userId: string };
let reporter: { userId: string; token: string };
const reason = `it-user-report-${randomSuffix()}`;

before(async () => {
  creds = { baseUrl: tb.baseUrl, accessToken: await adminToken() };
  target = await createMember(`it-ur-target-${randomSuffix()}`);
  reporter = await createMember(`it-ur-reporter-${randomSuffix()}`);
  const r = await api(`/_matrix/client/v3/users/${encodeURIComponent(target.userId)}/report`, { method: "POST", token: reporter.token, body: { reason } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

describe("user reports", () => {
  test("a report about a user is listed (by target and by reporter) and read by id", async () => {
    const { reports, total } = await listAllUserReports(creds, { target: target.userId });
    assert.equal(total, 1);
    assert.equal(reports[0].reason, reason);
    assert.equal(reports[0].reporter, reporter.userId);
    assert.deepEqual((await listAllUserReports(creds, { reporter: reporter.userId })).reports.map((r) => r.id), [reports[0].id]);
    assert.ok((await listAllUserReports(creds)).reports.some((r) => r.id === reports[0].id));
    assert.equal((await getUserReport(creds, reports[0].id))?.target, target.userId);
    assert.equal(await getUserReport(creds, 999_999_999), null);
  });

  test("user reports have their own resolved state, apart from event reports with the same id", async () => {
    const [r] = (await listAllUserReports(creds, { target: target.userId })).reports;
    const hs = `${tb.baseUrl}/#${randomSuffix()}`;
    await resolveReport(hs, r.id, "@alice:example.org", "user");
    assert.equal((await getResolutions(hs, [r.id], "user")).get(r.id)?.resolvedBy, "@alice:example.org");
    assert.equal((await getResolutions(hs, [r.id])).size, 0, "the event report with that id stays unresolved");
    await resolveReport(hs, r.id, "@bob:example.org");
    assert.equal((await getResolutions(hs, [r.id])).get(r.id)?.resolvedBy, "@bob:example.org");
    await clearReportResolution(hs, r.id, "user");
    assert.equal((await getResolutions(hs, [r.id], "user")).size, 0);
    assert.equal((await getResolutions(hs, [r.id])).size, 1, "clearing the user report left the event report's state");
  });

  test("deleting a user report removes it from Synapse; a second delete says it is gone", async () => {
    const [r] = (await listAllUserReports(creds, { target: target.userId })).reports;
    assert.equal(await deleteUserReport(creds, r.id), true);
    assert.equal((await api(`/_synapse/admin/v1/user_reports/${r.id}`, { token: creds.accessToken })).status, 404);
    assert.equal(await deleteUserReport(creds, r.id), false);
  });
});
