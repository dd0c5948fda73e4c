/**
 * Moderation in bulk, as a moderator after a spam wave: select rooms and block them (then unblock), take them
 * out of the directory, delete all media of the rooms (preview, typed count, progress per room), delete all
 * media of the selected users and erase them, and create a user with an e-mail and an SSO link. Each
 * effect is checked on Synapse through its API.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { adminToken, api, createUser, randomSuffix, signInWithPassword } from "./fixtures";
import { createMember, roomFlags, seedRoom, sendImage } from "./rooms-fixtures";
import { mediaInfo, pngOfSize, upload, type Uploaded } from "./media-fixtures";
import { getUser, putUser } from "./users-helpers";

async function signInAdmin(page: Page) {
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`modbulk-${randomSuffix()}`, password, { admin: true });
  await signInWithPassword(page, admin, password);
  return admin;
}

async function selectRooms(page: Page, prefix: string, names: string[]) {
  await page.goto(`/rooms?q=${prefix}`);
  await expect(page.getByTestId("room-row")).toHaveCount(3);
  for (const n of names) await page.getByLabel(`Select ${n}`).check();
}

test("bulk room actions: block, unblock, unpublish, delete all media; an empty selection sends nothing", async ({ page }) => {
  const prefix = `e2erb${randomSuffix()}`;
  const owner = await createMember(`e2e-rbowner-${randomSuffix()}`);
  const rooms = [await seedRoom(owner, `${prefix} A`), await seedRoom(owner, `${prefix} B`), await seedRoom(owner, `${prefix} C`)];
  const files: Uploaded[] = [];
  for (const roomId of rooms.slice(0, 2)) {
    for (let i = 0; i < 2; i++) {
      const f = await upload(owner.token, pngOfSize(400 + i), "image/png", "spam.png");
      await sendImage(owner.token, roomId, f.mxc);
      files.push(f);
    }
  }
  await signInAdmin(page);

  await test.step("nothing selected: a message, no job", async () => {
    await page.goto(`/rooms?q=${prefix}`);
    await expect(page.getByTestId("room-row")).toHaveCount(3);
    await page.getByRole("button", { name: "Run on selected…" }).click();
    await expect(page.getByText("Select at least one room first.")).toBeVisible();
    await expect(page).toHaveURL(/\/rooms\?/);
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  await test.step("block two selected rooms: a result per room, blocked on Synapse", async () => {
    await selectRooms(page, prefix, [`${prefix} A`, `${prefix} B`]);
    await page.getByLabel("Bulk action").selectOption("block");
    await page.getByRole("button", { name: "Run on selected…" }).click();
    await page.getByRole("dialog", { name: "Block: 2 rooms?" }).getByRole("button", { name: "Block: 2 rooms" }).click();
    await expect(page).toHaveURL(/\/rooms\/bulk\/\d+$/);
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    await expect(page.getByTestId("bulk-summary")).toContainText("2 of 2 done · 2 succeeded · 0 failed");
    await expect(page.getByRole("table", { name: "Succeeded rooms" }).getByTestId("bulk-result")).toHaveCount(2);
    expect(await Promise.all(rooms.map(async (r) => (await roomFlags(r)).blocked))).toEqual([true, true, false]);
  });

  await test.step("unblock one and take all three out of the directory", async () => {
    await selectRooms(page, prefix, [`${prefix} B`]);
    await page.getByLabel("Bulk action").selectOption("unblock");
    await page.getByRole("button", { name: "Run on selected…" }).click();
    await page.getByRole("dialog", { name: "Unblock: 1 room?" }).getByRole("button", { name: "Unblock: 1 room" }).click();
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    // Rooms made with the public_chat preset start in the directory when the server's rules allow it.
    await page.goto(`/rooms?q=${prefix}`);
    await page.getByLabel("Select all rooms on this page").check();
    await page.getByLabel("Bulk action").selectOption("unpublish");
    await page.getByRole("button", { name: "Run on selected…" }).click();
    await page.getByRole("dialog", { name: "Remove from the directory: 3 rooms?" }).getByRole("button", { name: "Remove from the directory: 3 rooms" }).click();
    await expect(page.getByTestId("bulk-summary")).toContainText("3 of 3 done · 3 succeeded");
    expect(await Promise.all(rooms.map(roomFlags))).toEqual([
      { blocked: true, published: false },
      { blocked: false, published: false },
      { blocked: false, published: false },
    ]);
  });

  await test.step("delete all media of two rooms: the preview counts the files, the count is typed, the files are gone", async () => {
    await selectRooms(page, prefix, [`${prefix} A`, `${prefix} B`]);
    await page.getByLabel("Bulk action").selectOption("delete-media");
    await page.getByRole("button", { name: "Run on selected…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete all local media: 2 rooms?" });
    await expect(dialog.getByTestId("room-bulk-preview")).toHaveText("2 rooms: 4 local files and 0 remote referenced.");
    const go = dialog.getByRole("button", { name: "Delete all local media: 2 rooms" });
    await expect(go).toBeDisabled();
    await dialog.getByLabel("Type 2 to confirm").fill("2");
    await go.click();
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    await expect(page.getByRole("table", { name: "Succeeded rooms" }).getByTestId("bulk-result").first()).toContainText("2 files deleted");
    for (const f of files) expect(await mediaInfo(f), `${f.mxc} deleted`).toBeNull();
  });
});

test("room media page: delete all, confirmed by the typed count", async ({ page }) => {
  const owner = await createMember(`e2e-rmowner-${randomSuffix()}`);
  const roomId = await seedRoom(owner, `e2erm${randomSuffix()}`);
  const files: Uploaded[] = [];
  for (let i = 0; i < 3; i++) {
    files.push(await upload(owner.token, pngOfSize(500 + i), "image/png", "x.png"));
    await sendImage(owner.token, roomId, files[i].mxc);
  }
  await signInAdmin(page);
  await page.goto(`/media/rooms/${encodeURIComponent(roomId)}`);
  await page.getByRole("button", { name: "Delete all local media…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete all media of this room" });
  await dialog.getByLabel("Type 3 to confirm").fill("3");
  await dialog.getByRole("button", { name: "Delete 3 files" }).click();
  await expect(page).toHaveURL(/\/rooms\/bulk\/\d+$/);
  await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
  await expect(page.getByTestId("bulk-result")).toContainText("3 files deleted");
  for (const f of files) expect(await mediaInfo(f)).toBeNull();
});

test("users in bulk: delete all media, then erase; a user created with an e-mail and an SSO link", async ({ page }) => {
  const p = `e2eue${randomSuffix()}`;
  const a = await createMember(`${p}-a`);
  const b = await createMember(`${p}-b`);
  for (const m of [a, b]) for (let i = 0; i < 2; i++) await upload(m.token, pngOfSize(300 + i), "image/png", "u.png");
  const token = await adminToken();
  const mediaCount = async (id: string) => (await api<{ total: number }>(`/_synapse/admin/v1/users/${encodeURIComponent(id)}/media`, { token })).body.total;
  await signInAdmin(page);

  await test.step("delete all media of the two users (typed count)", async () => {
    await page.goto(`/users?q=${p}-`);
    await page.getByLabel("Select all users on this page").check();
    await page.getByLabel("Bulk action").selectOption("delete-media");
    await page.getByRole("button", { name: "Delete all media…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete all media 2 users?" });
    await dialog.getByLabel("Type 2 to confirm").fill("2");
    await dialog.getByRole("button", { name: "Delete all media 2 users" }).click();
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    await expect(page.getByTestId("bulk-result").first()).toContainText("2 files deleted");
    expect([await mediaCount(a.userId), await mediaCount(b.userId)]).toEqual([0, 0]);
  });

  await test.step("erase the two users", async () => {
    await page.goto(`/users?q=${p}-`);
    await page.getByLabel("Select all users on this page").check();
    await page.getByLabel("Bulk action").selectOption("erase");
    await page.getByRole("button", { name: "Deactivate and erase…" }).click();
    const dialog = page.getByRole("dialog", { name: "Deactivate and erase 2 users?" });
    await dialog.getByLabel("Type 2 to confirm").fill("2");
    await dialog.getByRole("button", { name: "Deactivate and erase 2 users" }).click();
    await expect(page.getByTestId("bulk-summary")).toContainText("2 of 2 done · 2 succeeded");
    for (const id of [a.userId, b.userId]) {
      const u = (await getUser(id)).user as { deactivated: boolean; erased: boolean };
      expect([u.deactivated, u.erased]).toEqual([true, true]);
    }
  });

  await test.step("create a user with an e-mail and an SSO link; a malformed phone is refused first", async () => {
    const localpart = `${p}-new`;
    await page.goto("/users/new");
    await page.getByLabel("User name").fill(localpart);
    await page.getByRole("button", { name: "Add email or phone" }).click();
    await page.getByLabel("Kind of contact 1").selectOption("msisdn");
    await page.getByLabel("Contact 1", { exact: true }).fill("+44 7700");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText(/6–15 digits/)).toBeVisible();
    expect((await getUser(`@${localpart}:${a.userId.split(":").slice(1).join(":")}`)).status).toBe(404);

    await page.getByLabel("Kind of contact 1").selectOption("email");
    await page.getByLabel("Contact 1", { exact: true }).fill(`${localpart}@example.org`);
    await page.getByRole("button", { name: "Add external id" }).click();
    await page.getByLabel("Provider 1", { exact: true }).fill("oidc-test");
    await page.getByLabel("External id 1", { exact: true }).fill(`sso-${localpart}`);
    await page.getByRole("button", { name: "Create user" }).click();
    const created = await page.getByTestId("created-user").textContent();
    const u = (await getUser(created!)).user as { threepids: { medium: string; address: string }[]; external_ids: { auth_provider: string; external_id: string }[] };
    expect(u.threepids.map((t) => [t.medium, t.address])).toEqual([["email", `${localpart}@example.org`]]);
    expect(u.external_ids.map((e) => [e.auth_provider, e.external_id])).toEqual([["oidc-test", `sso-${localpart}`]]);
  });
});

test("bridge users: a pattern in Settings (a bad one refused), a badge, left out of all matching, a confirmation saying why", async ({ page }) => {
  const p = `e2emg${randomSuffix()}`;
  const plain = await createMember(`${p}-plain`);
  const tg = await createMember(`${p}-tg-1`);
  await signInAdmin(page);

  await test.step("a pattern that is not a regex gets a message; a good one is saved", async () => {
    await page.goto("/settings");
    const field = page.getByLabel("Managed user IDs (regular expression)");
    await field.fill(`^@${p}-tg-(`);
    await page.getByRole("button", { name: "Save pattern" }).click();
    await expect(page.getByText(/is not a valid regular expression: Unterminated group/)).toBeVisible();
    await field.fill(`^@${p}-tg-`);
    await page.getByRole("button", { name: "Save pattern" }).click();
    await expect(page.getByText(`Saved: users matching ^@${p}-tg- are managed.`)).toBeVisible();
  });

  await test.step("the users list badges the bridge user; lock all matching leaves it out", async () => {
    for (let i = 0; i < 10; i++) await putUser(`${p}-more-${i}`);
    await page.goto(`/users?q=${p}-&size=10&sort=name&dir=desc`);
    const rows = page.getByTestId("user-row");
    await expect(rows).toHaveCount(10);
    await expect(rows.filter({ hasText: tg.userId }).getByText("bridge/bot")).toBeVisible();
    await expect(rows.filter({ hasText: plain.userId }).getByText("bridge/bot")).toHaveCount(0);
    await page.getByLabel("Select all users on this page").check();
    await page.getByRole("button", { name: /Select all 12 matching the filter/ }).click();
    await page.getByLabel("Bulk action").selectOption("lock");
    await page.getByRole("button", { name: "Lock…" }).click();
    const dialog = page.getByRole("dialog", { name: "Lock 12 users?" });
    await expect(dialog.getByText("Bridge and bot users (managed) among them are left out.")).toBeVisible();
    await dialog.getByRole("button", { name: "Lock 12 users" }).click();
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    await expect(page.getByTestId("bulk-summary")).toContainText("12 of 12 done · 11 succeeded · 0 failed · 1 skipped");
    await expect(page.getByRole("table", { name: "Skipped users" }).getByTestId("bulk-result")).toContainText(`Bridge or bot user (matches ^@${p}-tg-): left out.`);
    expect([(await getUser(plain.userId)).user.locked, (await getUser(tg.userId)).user.locked]).toEqual([true, false]);
  });

  await test.step("deactivating the bridge user asks to confirm that it is one, and why", async () => {
    await page.goto(`/users/${encodeURIComponent(tg.userId)}`);
    await page.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Deactivate user" });
    await expect(dialog.getByRole("alert")).toContainText(`is a managed user: its ID matches this server's bridge and bot pattern ^@${p}-tg-`);
    await dialog.getByLabel(`Type ${tg.userId} to confirm`).fill(tg.userId);
    const go = dialog.getByRole("button", { name: "Deactivate" });
    await expect(go).toBeDisabled();
    await dialog.getByLabel("I understand this is a managed user and still want to deactivate it").check();
    await go.click();
    await expect(dialog).toHaveCount(0);
    expect((await getUser(tg.userId)).user.deactivated).toBe(true);
  });

  await page.goto("/settings");
  await page.getByLabel("Managed user IDs (regular expression)").fill("");
  await page.getByRole("button", { name: "Save pattern" }).click();
  await expect(page.getByText("Cleared: only appservice users are managed.")).toBeVisible();
});
