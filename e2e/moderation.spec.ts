/**
 * Moderation tools a moderator reaches for when someone misbehaves: a user report filed through the client
 * API is triaged (resolved for good, deleted in Synapse), the user is found by e-mail, a device is created
 * and renamed, and an event is looked up by id with the events around it and found again through the
 * timeline's filters. Every effect is checked through Synapse's API; bad input gets a message.
 */
import { expect, test } from "./test";
import { adminToken, api, randomSuffix } from "./fixtures";
import { createMember, seedRoom, sendText } from "./rooms-fixtures";
import { signInAsNewAdmin, userHref, userPath } from "./users-helpers";

const enc = encodeURIComponent;

test("a reported user is triaged: listed beside event reports, resolved for good, deleted in Synapse", async ({ page }) => {
  const target = await createMember(`e2e-ur-target-${randomSuffix()}`);
  const reporter = await createMember(`e2e-ur-reporter-${randomSuffix()}`);
  const reason = `e2e harassment ${randomSuffix()}`;
  expect((await api(`/_matrix/client/v3/users/${enc(target.userId)}/report`, { method: "POST", token: reporter.token, body: { reason } })).status).toBe(200);
  const token = await adminToken();
  const [report] = (await api<{ user_reports: { id: number }[] }>(`/_synapse/admin/v1/user_reports?target_user_id=${enc(target.userId)}`, { token })).body.user_reports;
  const admin = await signInAsNewAdmin(page, "urep");

  await test.step("the report is in the inbox's user list, unresolved, found by the reported user", async () => {
    await page.getByRole("link", { name: "Reports", exact: true }).click();
    await page.getByRole("link", { name: "Reported users" }).click();
    await page.getByLabel("Reported user").fill(target.userId);
    await page.getByRole("button", { name: "Apply" }).click();
    const row = page.getByTestId("user-report-row");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("report-reason")).toHaveText(reason);
    await row.getByRole("link", { name: "Unresolved" }).click();
  });

  await test.step("resolving records who and survives a reload; the event report with the same id stays unresolved", async () => {
    await expect(page.getByRole("heading", { name: `User report ${report.id}` })).toBeVisible();
    await page.getByRole("button", { name: "Mark as resolved" }).click();
    await expect(page.getByTestId("report-resolution")).toContainText(`Resolved by ${admin}`);
    await page.reload();
    await expect(page.getByTestId("report-resolution")).toContainText(`Resolved by ${admin}`);
    await page.goto(`/reports/users?status=unresolved&target=${enc(target.userId)}`);
    await expect(page.getByTestId("user-report-row")).toHaveCount(0);
  });

  await test.step("deleting it removes it from Synapse", async () => {
    await page.goto(`/reports/users/${report.id}`);
    await page.getByRole("button", { name: "Delete report" }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page).toHaveURL(/\/reports\/users$/);
    expect((await api(`/_synapse/admin/v1/user_reports/${report.id}`, { token })).status).toBe(404);
  });
});

test("a user is found by e-mail, and their devices are created and renamed", async ({ page }) => {
  const user = await createMember(`e2e-find-${randomSuffix()}`);
  const email = `e2e.find.${randomSuffix()}@example.org`;
  const token = await adminToken();
  expect((await api(userPath(user.userId), { method: "PUT", token, body: { threepids: [{ medium: "email", address: email }] } })).status).toBe(200);
  await signInAsNewAdmin(page, "find");
  await page.goto("/users");
  const find = page.getByRole("form", { name: "Find a user by e-mail, phone or SSO id" });

  await test.step("a malformed address gets a message and nothing opens", async () => {
    await find.getByRole("textbox", { name: "E-mail address" }).fill("not an address");
    await find.getByRole("button", { name: "Find user" }).click();
    await expect(find.getByRole("alert")).toContainText("is not an email address");
    await expect(page).toHaveURL(/\/users$/);
    await find.getByRole("textbox", { name: "E-mail address" }).fill(`nobody-${randomSuffix()}@example.org`);
    await find.getByRole("button", { name: "Find user" }).click();
    await expect(find.getByRole("alert")).toContainText("No user has the e-mail address");
  });

  await test.step("the address as typed (upper case) opens the user", async () => {
    await find.getByRole("textbox", { name: "E-mail address" }).fill(email.toUpperCase());
    await find.getByRole("button", { name: "Find user" }).click();
    await expect(page).toHaveURL(new RegExp(`${userHref(user.userId).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await expect(page.getByTestId("user-id")).toHaveText(user.userId);
  });

  await test.step("a device is created with a name, then renamed; Synapse has both", async () => {
    await page.goto(`${userHref(user.userId)}?tab=devices`);
    const create = page.getByRole("form", { name: "Create a device" });
    await create.getByLabel("New device ID").fill("E2EBRIDGE");
    await create.getByLabel("Name (optional)").fill("Bridge");
    await create.getByRole("button", { name: "Create device" }).click();
    await expect(create.getByText("Device E2EBRIDGE was created.")).toBeVisible();
    const device = () => api<{ display_name: string }>(`${userPath(user.userId)}/devices/E2EBRIDGE`, { token });
    expect((await device()).body.display_name).toBe("Bridge");
    await create.getByLabel("New device ID").fill("E2EBRIDGE");
    await create.getByRole("button", { name: "Create device" }).click();
    await expect(create.getByRole("alert")).toContainText("already has a device E2EBRIDGE");

    const row = page.getByTestId("device-row").filter({ hasText: "E2EBRIDGE" });
    await row.getByRole("button", { name: "Rename device E2EBRIDGE" }).click();
    await row.getByLabel("New name for E2EBRIDGE").fill("Bridge (renamed)");
    await row.getByRole("button", { name: "Save" }).click();
    await expect(row).toContainText("Bridge (renamed)");
    expect((await device()).body.display_name).toBe("Bridge (renamed)");
  });
});

test("an event is looked up by id with its context, and found through the timeline filters", async ({ page }) => {
  const alice = await createMember(`e2e-ev-alice-${randomSuffix()}`);
  const bob = await createMember(`e2e-ev-bob-${randomSuffix()}`);
  const roomId = await seedRoom(alice, `e2e-events-${randomSuffix()}`, { members: [bob], messages: ["first from alice"] });
  const { eventId } = await sendText(bob.token, roomId, "bob in the middle");
  await sendText(alice.token, roomId, "last from alice");
  await signInAsNewAdmin(page, "events");

  await test.step("a malformed or unknown id gets a message", async () => {
    await page.goto("/rooms");
    await page.getByRole("link", { name: "Find an event by ID" }).click();
    await page.getByLabel("Event ID").fill("no dollar");
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page.getByTestId("event-lookup-error")).toContainText("An event ID starts with $");
    await page.getByLabel("Event ID").fill(`$unknown${randomSuffix()}`);
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page.getByTestId("event-lookup-error")).toContainText("This server has no event");
  });

  await test.step("the event is found with its room, sender, and the events around it", async () => {
    await page.getByLabel("Event ID").fill(eventId);
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page.getByTestId("found-event-summary")).toHaveText("bob in the middle");
    await expect(page.getByTestId("found-event")).toContainText(roomId);
    const context = page.getByTestId("context-event");
    await expect(context.filter({ hasText: "last from alice" })).toHaveCount(1);
    await expect(context.filter({ hasText: "first from alice" })).toHaveCount(1);
    await expect(page.locator('[data-testid="context-event"][aria-current="true"]')).toContainText("bob in the middle");
  });

  await test.step("the messages tab filters by sender and by type", async () => {
    await page.goto(`/rooms/${enc(roomId)}/messages`);
    const filter = page.getByRole("form", { name: "Filter the timeline" });
    await filter.getByLabel("Sender").fill(bob.userId);
    await filter.getByLabel("Event type").fill("m.room.message");
    await filter.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("timeline-summary")).toHaveText(["bob in the middle"]);
    await filter.getByLabel("Sender").fill("");
    await filter.getByLabel("Event type").fill("m.room.member");
    await filter.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("timeline-event").first()).toContainText("m.room.member");
    await expect(page.getByTestId("timeline-event").filter({ hasText: "m.room.message" })).toHaveCount(0);
    await filter.getByLabel("Sender").fill("bob");
    await filter.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("alert").filter({ hasText: '"bob" is not a user ID' })).toBeVisible();
  });
});
