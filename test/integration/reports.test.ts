// lib/synapse/reports and lib/db/report-triage against the real test Synapse and a throwaway SQLite file.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { deleteEventReport, getEventReport, listAllEventReports, redactReportedEvent } from "@/lib/synapse/reports";
import { clearReportResolution, getResolutions, resolveReport } from "@/lib/db/report-triage";
import type { SynapseCredentials } from "@/lib/synapse/client";
import { adminCreds, api, loadTestbed, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { createMember, reportEvent, seedRoom, sendText } from "../../e2e/rooms-fixtures";

const tb = loadTestbed();
let creds: SynapseCredentials;
let adminId: string;
let roomId: string;
let spam: { eventId: string };
let sender: { userId: string; token: string };
const reason = `it-spam-${randomSuffix()}`;

before(async () => {
  creds = await adminCreds();
  adminId = (await api<{ user_id: string }>("/_matrix/client/v3/account/whoami", { token: creds.accessToken })).body.user_id;
  sender = await createMember(`it-spammer-${randomSuffix()}`);
  const reporter = await createMember(`it-reporter-${randomSuffix()}`);
  roomId = await seedRoom(sender, `it-reports-${randomSuffix()}`, { members: [reporter], messages: ["hello"] });
  spam = await sendText(sender.token, roomId, "buy cheap stuff");
  await reportEvent(reporter.token, roomId, spam.eventId, reason, -80);
});

describe("event reports", () => {
  test("a report filed through the client API is listed (for its room) and read with the event", async () => {
    const { reports, total, truncated } = await listAllEventReports(creds, { roomId });
    assert.equal(total, 1);
    assert.equal(truncated, false);
    assert.equal(reports[0].reason, reason);
    assert.equal(reports[0].score, -80);
    assert.equal(reports[0].sender, sender.userId);
    const all = await listAllEventReports(creds);
    assert.ok(all.reports.some((r) => r.id === reports[0].id));
    const bySender = await listAllEventReports(creds, { sender: sender.userId });
    assert.deepEqual(bySender.reports.map((r) => r.id), [reports[0].id]);

    const detail = await getEventReport(creds, reports[0].id);
    assert.equal(detail?.eventId, spam.eventId);
    assert.equal(detail?.eventSummary, "buy cheap stuff");
    assert.equal(JSON.parse(detail!.eventJson).content.body, "buy cheap stuff");
    assert.equal(await getEventReport(creds, 999_999_999), null);
  });

  test("the resolved state is kept per homeserver with who and when", async () => {
    const { reports } = await listAllEventReports(creds, { roomId });
    const id = reports[0].id;
    const hs = `${tb.baseUrl}/#${randomSuffix()}`;
    assert.equal((await getResolutions(hs, [id])).size, 0);
    const first = await resolveReport(hs, id, "@alice:example.org");
    const again = await resolveReport(hs, id, "@bob:example.org");
    assert.equal(again.resolvedBy, "@alice:example.org");
    assert.equal(again.resolvedAt.getTime(), first.resolvedAt.getTime());
    assert.equal((await getResolutions(`${hs}-other`, [id])).size, 0);
    await clearReportResolution(hs, id);
    assert.equal((await getResolutions(hs, [id])).size, 0);
  });

  test("the reported event is redacted in the sender's name, then the report is deleted", async () => {
    const { reports } = await listAllEventReports(creds, { roomId });
    const id = reports[0].id;
    const r = await redactReportedEvent(creds, id, { adminUserId: adminId, localServer: await serverName(), reason: "spam" });
    assert.deepEqual(r, { as: "sender", eventId: spam.eventId });
    // fetch_event shows the original content to admins; the timeline shows the redaction.
    const timeline = await api<{ chunk: { event_id: string; content: Record<string, unknown>; unsigned?: { redacted_because?: { sender: string } } }[] }>(
      `/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=20`,
      { token: creds.accessToken },
    );
    const ev = timeline.body.chunk.find((e) => e.event_id === spam.eventId);
    assert.deepEqual(ev?.content, {});
    assert.equal(ev?.unsigned?.redacted_because?.sender, sender.userId);

    await deleteEventReport(creds, id);
    assert.equal(await getEventReport(creds, id), null);
    assert.equal((await listAllEventReports(creds, { roomId })).total, 0);
  });
});
