/**
 * Rooms: an admin finds rooms (search and sort as Synapse's API orders them), inspects one, moderates it,
 * purges old history and deletes rooms (bulk with block, single with a replacement room). Rooms, members
 * and messages are made through the client API; effects are checked through Synapse's admin API.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { adminToken, api, createUser, randomSuffix, signInWithPassword } from "./fixtures";
import { backgroundUpdatesIdle, createMember, joinedMembers, messageBodies, seedRoom, sendText } from "./rooms-fixtures";

async function signInAdmin(page: Page) {
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`roomsadmin-${randomSuffix()}`, password, { admin: true });
  await signInWithPassword(page, admin, password);
  return admin;
}

async function apiOrder(query: string): Promise<string[]> {
  const r = await api<{ rooms: { room_id: string }[] }>(`/_synapse/admin/v1/rooms?${query}`, { token: await adminToken() });
  return r.body.rooms.map((x) => x.room_id);
}

const rowIds = (page: Page) => page.getByTestId("room-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-room-id")));

test("find rooms as Synapse orders them, inspect one and moderate it", async ({ page }) => {
  const prefix = `e2elist${randomSuffix()}`;
  const owner = await createMember(`e2e-owner-${randomSuffix()}`);
  const m1 = await createMember(`e2e-m1-${randomSuffix()}`);
  const m2 = await createMember(`e2e-m2-${randomSuffix()}`);
  const joiner = await createMember(`e2e-joiner-${randomSuffix()}`);
  const alpha = await seedRoom(owner, `${prefix} alpha`, { members: [m1, m2], messages: ["alpha 1", "alpha 2", "alpha 3"] });
  await seedRoom(owner, `${prefix} beta`, { messages: ["beta 1"] });
  await seedRoom(owner, `${prefix} gamma`, { members: [m1] });
  await signInAdmin(page);

  await test.step("search narrows the list to the matching rooms, in Synapse's order", async () => {
    await page.getByRole("link", { name: "Rooms", exact: true }).click();
    await page.getByLabel("Search").fill(prefix);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
    await expect(page.getByTestId("room-row")).toHaveCount(3);
    await expect(page.getByTestId("rooms-total")).toHaveAttribute("data-total", "3");
    expect(await rowIds(page)).toEqual(await apiOrder(`search_term=${prefix}&order_by=name&dir=f`));
  });

  await test.step("sorting by members, both ways, matches the API and is kept in the URL", async () => {
    await page.getByRole("link", { name: "Members", exact: true }).click();
    await expect(page).toHaveURL(/sort=joined_members/);
    await expect(page.getByTestId("room-members")).toHaveText(["3", "2", "1"]);
    expect(await rowIds(page)).toEqual(await apiOrder(`search_term=${prefix}&order_by=joined_members&dir=f`));
    await page.getByRole("link", { name: "Members ▼" }).click();
    await expect(page).toHaveURL(/order=asc/);
    await expect(page.getByTestId("room-members")).toHaveText(["1", "2", "3"]);
    expect(await rowIds(page)).toEqual(await apiOrder(`search_term=${prefix}&order_by=joined_members&dir=b`));
    await page.reload();
    await expect(page.getByTestId("room-members")).toHaveText(["1", "2", "3"]);
  });

  await test.step("the room's tabs: overview, members (local only), state and messages newest first", async () => {
    await page.getByRole("link", { name: `${prefix} alpha` }).click();
    await expect(page.getByRole("heading", { name: `${prefix} alpha` })).toBeVisible();
    await expect(page.getByTestId("overview-members")).toHaveText("3");
    await page.getByRole("navigation", { name: "Room" }).getByRole("link", { name: "Members" }).click();
    await expect(page.getByTestId("member")).toHaveCount(3);
    await page.getByRole("link", { name: "Local only" }).click();
    await expect(page).toHaveURL(/local=1/);
    await expect(page.getByTestId("member-count")).toHaveText("3 local joined members");
    await expect(page.getByRole("link", { name: m1.userId })).toHaveAttribute("href", `/users/${encodeURIComponent(m1.userId)}`);
    await page.getByRole("navigation", { name: "Room" }).getByRole("link", { name: "State" }).click();
    await expect(page.getByTestId("state-event").filter({ hasText: "m.room.create" })).toHaveCount(1);
    await page.getByRole("navigation", { name: "Room" }).getByRole("link", { name: "Messages" }).click();
    await expect(page.getByTestId("timeline-summary").first()).toHaveText("alpha 3");
    await expect(page.getByTestId("timeline-summary").nth(1)).toHaveText("alpha 2");
  });

  await test.step("publishing is refused by Synapse's default rules, with the reason", async () => {
    await page.getByRole("navigation", { name: "Room" }).getByRole("link", { name: "Overview" }).click();
    await page.getByRole("button", { name: "Publish in directory" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "room_list_publication_rules" })).toBeVisible();
  });

  await test.step("force-join: a malformed user ID is refused on the page, a real user joins", async () => {
    const form = page.getByRole("form", { name: "Force-join a local user" });
    await form.getByLabel("Force-join a local user").fill("joiner");
    await form.getByRole("button", { name: "Join user" }).click();
    await expect(form.getByText('"joiner" is not a valid user ID.')).toBeVisible();
    await form.getByLabel("Force-join a local user").fill(joiner.userId);
    await form.getByRole("button", { name: "Join user" }).click();
    await expect(form.getByText(`${joiner.userId} joined the room.`)).toBeVisible();
    expect(await joinedMembers(alpha)).toContain(joiner.userId);
  });

  await test.step("blocking by ID checks the ID first, and works for a room the server has never seen", async () => {
    await page.getByRole("link", { name: "← All rooms" }).click();
    const form = page.getByRole("form", { name: "Room by ID" });
    await form.getByLabel("Room ID").fill("#lobby:example.org");
    await form.getByRole("button", { name: "Block", exact: true }).click();
    await expect(form.getByText("This needs the room ID (starting with !), not an alias.", { exact: false })).toBeVisible();
    const unseen = `!e2eunseen${randomSuffix()}:elsewhere.example`;
    await form.getByLabel("Room ID").fill(unseen);
    await form.getByRole("button", { name: "Block", exact: true }).click();
    await expect(form.getByText(`Blocked ${unseen}.`)).toBeVisible();
    const block = await api<{ block: boolean }>(`/_synapse/admin/v1/rooms/${encodeURIComponent(unseen)}/block`, { token: await adminToken() });
    expect(block.body.block).toBe(true);
  });
});

test("purge history before a date removes the older messages and keeps the newer", async ({ page }) => {
  const owner = await createMember(`e2e-purger-${randomSuffix()}`);
  const roomId = await seedRoom(owner, `e2epurge${randomSuffix()}`, { messages: ["old 1", "old 2"] });
  // The cut-off has whole seconds: wait into the next second before the newer messages.
  const cutoff = Math.ceil((Date.now() + 1) / 1000) * 1000;
  await new Promise((r) => setTimeout(r, cutoff - Date.now() + 100));
  await sendText(owner.token, roomId, "new 1");
  await sendText(owner.token, roomId, "new 2");
  expect(await messageBodies(roomId)).toEqual(["old 1", "old 2", "new 1", "new 2"]);
  await backgroundUpdatesIdle();
  await signInAdmin(page);
  await page.goto(`/rooms/${encodeURIComponent(roomId)}`);
  const form = page.getByRole("form", { name: "Purge chat history" });

  await test.step("a date in the future is refused and nothing starts", async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString().slice(0, 19);
    await form.getByLabel("Delete events sent before (UTC)").fill(future);
    await form.getByRole("button", { name: "Purge history" }).click();
    await expect(form.getByText("The date is in the future.", { exact: false })).toBeVisible();
    await expect(page.getByTestId("room-job")).toHaveCount(0);
  });

  await test.step("purging before the cut-off runs as a job to completion", async () => {
    await expect(form.getByLabel("Also delete local users' events")).not.toBeChecked();
    await form.getByLabel("Delete events sent before (UTC)").fill(new Date(cutoff).toISOString().slice(0, 19));
    await form.getByRole("button", { name: "Purge history" }).click();
    const job = page.getByTestId("room-job");
    await expect(job).toHaveAttribute("data-status", "ok");
    await expect(job.getByTestId("room-job-phase")).toHaveText("Complete");
  });

  await test.step("Synapse's messages API has only the newer messages; the purge is in the audit log", async () => {
    expect(await messageBodies(roomId)).toEqual(["new 1", "new 2"]);
    await page.goto(`/audit?action=room.purge-history&target=${encodeURIComponent(roomId)}`);
    await expect(page.getByTestId("audit-row")).toHaveCount(1);
    await expect(page.getByTestId("audit-row")).toContainText('"deleteLocalEvents":false');
  });
});

test("delete rooms: several at once with a block, and one whose members move to a new room", async ({ page }) => {
  const prefix = `e2edel${randomSuffix()}`;
  const owner = await createMember(`e2e-delowner-${randomSuffix()}`);
  const member = await createMember(`e2e-delmember-${randomSuffix()}`);
  const moderator = await createMember(`e2e-moderator-${randomSuffix()}`);
  const a = await seedRoom(owner, `${prefix} A`, { messages: ["a"] });
  const c = await seedRoom(owner, `${prefix} C`);
  const b = await seedRoom(owner, `${prefix} B`, { members: [member], messages: ["b"] });
  const token = await adminToken();
  await backgroundUpdatesIdle();
  await signInAdmin(page);

  await test.step("two selected rooms are deleted and blocked, with progress per room", async () => {
    await page.goto(`/rooms?q=${prefix}`);
    await expect(page.getByTestId("room-row")).toHaveCount(3);
    await page.getByLabel(`Select ${prefix} A`).check();
    await page.getByLabel(`Select ${prefix} C`).check();
    await page.getByRole("button", { name: "Delete selected…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete 2 rooms" });
    await expect(dialog.getByLabel("Purge the room from the database")).toBeChecked();
    await dialog.getByLabel("Block the room").check();
    await dialog.getByRole("button", { name: "Delete 2 rooms" }).click();
    await expect(page).toHaveURL(/jobs=/);
    const jobs = page.getByTestId("room-job");
    await expect(jobs).toHaveCount(2);
    await expect(jobs.and(page.locator("[data-status=ok]"))).toHaveCount(2);
    await expect(page.getByTestId("room-row")).toHaveCount(1);
    await expect(page.getByTestId("room-row")).toHaveAttribute("data-room-id", b);
    for (const id of [a, c]) {
      expect((await api(`/_synapse/admin/v1/rooms/${encodeURIComponent(id)}`, { token })).status).toBe(404);
      expect((await api<{ block: boolean }>(`/_synapse/admin/v1/rooms/${encodeURIComponent(id)}/block`, { token })).body.block).toBe(true);
    }
  });

  await test.step("an unknown new-room creator is refused before anything is sent", async () => {
    await page.getByRole("link", { name: `${prefix} B` }).click();
    await page.getByRole("button", { name: "Delete room…" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete “${prefix} B”` });
    await dialog.getByLabel("Move local members to a new room").check();
    await dialog.getByLabel("Creator of the new room (a local user ID)").fill(`@nobody-${randomSuffix()}:${owner.userId.split(":").slice(1).join(":")}`);
    await dialog.getByRole("button", { name: "Delete room" }).click();
    await expect(dialog.getByText("on this server. The new room must be created by an existing local user.", { exact: false })).toBeVisible();
    expect((await api(`/_synapse/admin/v1/rooms/${encodeURIComponent(b)}`, { token })).status).toBe(200);
  });

  await test.step("with a real creator the members end up in the new room", async () => {
    const dialog = page.getByRole("dialog", { name: `Delete “${prefix} B”` });
    await dialog.getByLabel("Creator of the new room (a local user ID)").fill(moderator.userId);
    await dialog.getByLabel("Name of the new room").fill(`${prefix} new home`);
    await dialog.getByLabel("Message posted in the new room").fill("This room was closed; you were moved here.");
    await dialog.getByRole("button", { name: "Delete room" }).click();
    await expect(page).toHaveURL(/\/rooms\?jobs=/);
    const job = page.getByTestId("room-job");
    await expect(job).toHaveAttribute("data-status", "ok");
    await expect(job).toContainText("members moved to");
    const newRoom = (await job.getByRole("link").last().textContent())!.trim();
    expect(newRoom).toMatch(/^!/);
    expect(await joinedMembers(newRoom)).toEqual(expect.arrayContaining([member.userId, owner.userId, moderator.userId]));
    expect((await api<{ name: string }>(`/_synapse/admin/v1/rooms/${encodeURIComponent(newRoom)}`, { token })).body.name).toBe(`${prefix} new home`);
    expect((await api(`/_synapse/admin/v1/rooms/${encodeURIComponent(b)}`, { token })).status).toBe(404);
  });
});
