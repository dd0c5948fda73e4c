/**
 * Rooms and reports in German: a browser that asks for German (Accept-Language de-DE, no language cookie) gets
 * the rooms list, a room's pages and the reports inbox in German, blocks a room through the German bulk dialog
 * and unblocks it on the room page (both checked on Synapse), and resolves a report filed through the client API.
 */
import { expect, test } from "./test";
import { adminToken, api, randomSuffix } from "./fixtures";
import { signInAsNewAdmin } from "./users-helpers";
import { createMember, reportEvent, roomFlags, seedRoom, sendText } from "./rooms-fixtures";

test.use({ locale: "de-DE" });


test("rooms and reports speak German: list, bulk block, unblock, timeline, report resolved", async ({ page }) => {
  const name = `e2ei18n${randomSuffix()}`;
  const owner = await createMember(`e2e-i18n-owner-${randomSuffix()}`);
  const reporter = await createMember(`e2e-i18n-rep-${randomSuffix()}`);
  const roomId = await seedRoom(owner, name, { members: [reporter], extra: { topic: `Thema ${name}` } });
  const { eventId } = await sendText(owner.token, roomId, "billige Uhren hier");
  const reason = `e2e Spam ${randomSuffix()}`;
  await reportEvent(reporter.token, roomId, eventId, reason, -50);
  const admin = await signInAsNewAdmin(page, "i18nrooms");

  await test.step("the rooms list is German and finds the room", async () => {
    await page.goto("/rooms");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: "Räume", exact: true })).toBeVisible();
    const filter = page.getByRole("form", { name: "Räume suchen" });
    await filter.getByLabel("Suche").fill(name);
    await filter.getByRole("button", { name: "Anwenden" }).click();
    await expect(page.getByTestId("rooms-total")).toHaveText(`1 Raum zu „${name}“, sortiert nach Name (aufsteigend)`);
    await expect(page.getByRole("link", { name: "Mitglieder", exact: true })).toBeVisible();
  });

  await test.step("the German bulk dialog blocks the room on Synapse", async () => {
    await page.getByLabel(`${name} auswählen`).check();
    await expect(page.getByTestId("selected-count")).toHaveText("1 ausgewählt");
    await page.getByLabel("Massenaktion").selectOption({ label: "Sperren" });
    await page.getByRole("button", { name: "Auf Auswahl anwenden…" }).click();
    const dialog = page.getByRole("dialog", { name: "Sperren: 1 Raum?" });
    await expect(dialog.getByText("Niemand auf diesem Server kann diesen Räumen beitreten")).toBeVisible();
    await dialog.getByRole("button", { name: "Sperren: 1 Raum" }).click();
    await expect(page).toHaveURL(/\/rooms\/bulk\/\d+$/);
    await expect(page.getByRole("heading", { name: "Massenaktion für Räume: Sperren" })).toBeVisible();
    await expect.poll(async () => (await roomFlags(roomId)).blocked, { timeout: 30_000 }).toBe(true);
  });

  await test.step("the room page is German; unblocking there reaches Synapse", async () => {
    await page.goto(`/rooms/${encodeURIComponent(roomId)}`);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByTestId("badge-blocked")).toHaveText("Gesperrt");
    await expect(page.getByTestId("block-state")).toHaveText("Gesperrt: Niemand auf diesem Server kann beitreten.");
    await page.getByRole("button", { name: "Entsperren", exact: true }).click();
    await expect(page.getByText("Beitritte wieder erlauben?")).toBeVisible();
    await page.getByRole("button", { name: "Raum entsperren" }).click();
    await expect(page.getByText("Der Raum ist entsperrt.")).toBeVisible();
    expect((await roomFlags(roomId)).blocked).toBe(false);
  });

  await test.step("the timeline describes events in German and explains a bad filter in German", async () => {
    await page.getByRole("navigation", { name: "Raum" }).getByRole("link", { name: "Nachrichten" }).click();
    await expect(page.getByTestId("timeline-summary").first()).toHaveText("billige Uhren hier");
    await expect(page.getByTestId("timeline-summary").filter({ hasText: `Thema: Thema ${name}` })).toHaveCount(1);
    await page.getByRole("form", { name: "Zeitleiste filtern" }).getByLabel("Absender").fill("alice");
    await page.getByRole("form", { name: "Zeitleiste filtern" }).getByRole("button").first().click();
    await expect(page.getByRole("alert").filter({ hasText: "„alice“ ist keine Benutzer-ID." })).toBeVisible();
  });

  await test.step("the reports inbox is German; the report is resolved for good", async () => {
    const report = (await api<{ event_reports: { id: number }[] }>(`/_synapse/admin/v1/event_reports?room_id=${encodeURIComponent(roomId)}`, { token: await adminToken() })).body
      .event_reports[0];
    await page.goto(`/reports?room=${encodeURIComponent(roomId)}`);
    await expect(page.getByRole("heading", { name: "Gemeldete Ereignisse" })).toBeVisible();
    await expect(page.getByTestId("reports-summary")).toHaveText(`1 Meldung in ${roomId}, 1 ungelöst. Ungelöste Meldungen stehen oben.`);
    const row = page.getByTestId("report-row").filter({ hasText: reason });
    await expect(row.getByTestId("report-status")).toHaveText("Ungelöst");
    await row.getByRole("link", { name: "Ungelöst" }).click();
    await expect(page.getByRole("heading", { name: `Meldung ${report.id}` })).toBeVisible();
    await expect(page.getByTestId("reported-content")).toHaveText("billige Uhren hier");
    await page.getByRole("button", { name: "Als gelöst markieren" }).click();
    await expect(page.getByText("Als gelöst markiert.")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("report-resolution")).toContainText(`Gelöst von ${admin} am `);
    await page.goto(`/reports?room=${encodeURIComponent(roomId)}`);
    await expect(page.getByTestId("report-row").getByTestId("report-status")).toHaveText("Gelöst");
  });
});
