/**
 * Reported events: a report filed by a user through the client API shows up in the inbox, is read with
 * the reported event, resolved (kept in the portal's database: still resolved after a reload), and the
 * event is redacted and the report deleted in Synapse.
 */
import { expect, test } from "./test";
import { adminToken, api, createUser, randomSuffix, signInWithPassword } from "./fixtures";
import { createMember, reportEvent, seedRoom, sendText } from "./rooms-fixtures";

test("a reported event is triaged: shown, resolved for good, redacted, deleted", async ({ page }) => {
  const reason = `e2e spam ${randomSuffix()}`;
  const spammer = await createMember(`e2e-spammer-${randomSuffix()}`);
  const reporter = await createMember(`e2e-reporter-${randomSuffix()}`);
  const roomId = await seedRoom(spammer, `e2ereports${randomSuffix()}`, { members: [reporter] });
  const { eventId } = await sendText(spammer.token, roomId, "cheap watches here");
  await reportEvent(reporter.token, roomId, eventId, reason, -100);
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`reportsadmin-${randomSuffix()}`, password, { admin: true });
  await signInWithPassword(page, admin, password);
  const token = await adminToken();
  const report = (await api<{ event_reports: { id: number }[] }>(`/_synapse/admin/v1/event_reports?room_id=${encodeURIComponent(roomId)}`, { token })).body.event_reports[0];

  await test.step("the report is in the inbox, unresolved, with its reason and links", async () => {
    await page.getByRole("link", { name: "Reports", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Reported events" })).toBeVisible();
    const row = page.getByTestId("report-row").filter({ hasText: reason });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("report-status")).toHaveText("Unresolved");
    await expect(row.getByRole("link", { name: spammer.userId })).toHaveAttribute("href", `/users/${encodeURIComponent(spammer.userId)}`);
    await row.getByRole("link", { name: "Unresolved" }).click();
  });

  await test.step("the detail shows the reported event; resolving it records who, and survives a reload", async () => {
    await expect(page.getByRole("heading", { name: `Report ${report.id}` })).toBeVisible();
    await expect(page.getByTestId("reported-content")).toHaveText("cheap watches here");
    await expect(page.getByTestId("report-reason")).toHaveText(reason);
    await page.getByRole("button", { name: "Mark as resolved" }).click();
    await expect(page.getByTestId("report-resolution")).toHaveText(new RegExp(`^Resolved by ${admin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} on `));
    await page.reload();
    await expect(page.getByTestId("report-resolution")).toContainText(`Resolved by ${admin}`);
    await page.goto(`/reports?room=${encodeURIComponent(roomId)}`);
    await expect(page.getByTestId("report-row").getByTestId("report-status")).toHaveText("Resolved");
    await page.goto("/reports?status=unresolved");
    await expect(page.getByTestId("report-row").filter({ hasText: reason })).toHaveCount(0);
  });

  await test.step("redacting the event and deleting the report act on Synapse", async () => {
    await page.goto(`/reports/${report.id}`);
    await page.getByLabel("Reason for the redaction (optional, visible in the room)").fill("spam");
    await page.getByRole("button", { name: "Redact event" }).click();
    await page.getByRole("button", { name: "Redact", exact: true }).click();
    await expect(page.getByText("The event was redacted (in the sender's name).")).toBeVisible();
    const timeline = await api<{ chunk: { event_id: string; content: Record<string, unknown> }[] }>(
      `/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=20`,
      { token },
    );
    expect(timeline.body.chunk.find((e) => e.event_id === eventId)?.content).toEqual({});

    await page.getByRole("button", { name: "Delete report" }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page).toHaveURL(/\/reports$/);
    expect((await api(`/_synapse/admin/v1/event_reports/${report.id}`, { token })).status).toBe(404);
  });
});
