/**
 * Bulk actions: select rows (or everything matching the filter), confirm a stated count, watch the
 * progress page (a job of the runtime), and read a result per user; one user's failure does not stop the others.
 */
import { expect, test } from "./test";
import { createUser, passwordLogin, randomSuffix } from "./fixtures";
import { getUser, putUser, signInAsNewAdmin, whoami } from "./users-helpers";
import { noticesReceived } from "./notice-fixtures";
import { adminToken, api } from "./synapse/testbed";

test("bulk lock selected rows, log out everywhere, a notice to all matching, and per-user failures", async ({ page }) => {
  const p = `ub${randomSuffix()}`;
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push(await putUser(`${p}-${String(i).padStart(2, "0")}`, { displayname: `Bulk ${i}` }));
  await signInAsNewAdmin(page, "usersbulk");
  await page.goto(`/users?q=${p}&size=10`);
  const rows = page.getByTestId("user-row");
  await expect(rows).toHaveCount(10);

  await test.step("lock three selected users: the confirmation states the count", async () => {
    for (const id of ids.slice(0, 3)) await page.getByLabel(`Select ${id}`).check();
    await expect(page.getByTestId("selection-count")).toHaveText("3 users selected");
    await page.getByLabel("Bulk action").selectOption("lock");
    await page.getByRole("button", { name: "Lock…" }).click();
    const dialog = page.getByRole("dialog", { name: "Lock 3 users?" });
    await dialog.getByRole("button", { name: "Lock 3 users" }).click();
    await expect(page).toHaveURL(/\/users\/bulk\/\d+$/);
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    await expect(page.getByTestId("bulk-summary")).toContainText("3 of 3 done · 3 succeeded · 0 failed");
    await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "3");
    await expect(page.getByTestId("bulk-result")).toHaveCount(3);
    for (const id of ids.slice(0, 3)) expect((await getUser(id)).user.locked).toBe(true);
    expect((await getUser(ids[3])).user.locked).toBe(false);
  });

  await test.step("log out everywhere: the selected users' tokens stop working", async () => {
    const a = await createUser(`${p}-tok-a`, "tok-password");
    const b = await createUser(`${p}-tok-b`, "tok-password");
    const [ta, tb] = [await passwordLogin(a, "tok-password"), await passwordLogin(b, "tok-password")];
    await page.goto(`/users?q=${p}-tok`);
    await page.getByLabel("Select all users on this page").check();
    await expect(page.getByTestId("selection-count")).toHaveText("2 users selected");
    await page.getByLabel("Bulk action").selectOption("logout");
    await page.getByRole("button", { name: "Log out everywhere…" }).click();
    await page.getByRole("dialog", { name: "Log out everywhere 2 users?" }).getByRole("button", { name: "Log out everywhere 2 users" }).click();
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    await expect(page.getByTestId("bulk-result").first()).toContainText("1 device logged out");
    expect((await whoami(ta)).status).toBe(401);
    expect((await whoami(tb)).status).toBe(401);
  });

  await test.step("a server notice to all 14 matching: each user gets it once, a deactivated one is skipped", async () => {
    const token = await adminToken();
    expect((await api(`/_synapse/admin/v1/deactivate/${encodeURIComponent(ids[10])}`, { method: "POST", token, body: {} })).status).toBe(200);
    await page.goto(`/users?q=${p}-&size=10&sort=name`);
    await page.getByLabel("Select all users on this page").check();
    await page.getByRole("button", { name: /Select all 14 matching the filter/ }).click();
    await expect(page.getByTestId("selection-count")).toHaveText("14 users selected (all matching the filter)");
    await page.getByLabel("Bulk action").selectOption("notice");
    await page.getByRole("button", { name: "Send server notice…" }).click();
    const dialog = page.getByRole("dialog", { name: "Send server notice 14 users?" });
    await dialog.getByLabel("Notice text").fill(`Maintenance tonight ${p}`);
    await dialog.getByRole("button", { name: "Send server notice 14 users" }).click();
    // Each first notice creates the user's Server Notices room: about a second each on the test machine.
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.", { timeout: 60_000 });
    await expect(page.getByTestId("bulk-summary")).toContainText("14 of 14 done · 13 succeeded · 0 failed · 1 skipped");
    await expect(page.getByRole("heading", { name: "Skipped (1)" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Skipped users" }).getByTestId("bulk-result")).toContainText("Deactivated: no notice sent.");
    await expect(page.getByRole("table", { name: "Succeeded users" }).getByTestId("bulk-result")).toHaveCount(13);
    for (const id of [ids[5], ids[11]]) expect(await noticesReceived(id)).toEqual([`Maintenance tonight ${p}`]);
    expect(await noticesReceived(ids[10])).toEqual([]);
  });

  await test.step("deactivating in bulk needs the count typed; one user's failure does not stop the other", async () => {
    await page.goto(`/users?q=${p}-1&size=10`);
    await page.getByLabel("Select all users on this page").check();
    await expect(page.getByTestId("selection-count")).toHaveText("2 users selected");
    await page.getByLabel("Bulk action").selectOption("deactivate");
    await page.getByRole("button", { name: "Deactivate…" }).click();
    const dialog = page.getByRole("dialog", { name: "Deactivate 2 users?" });
    const go = dialog.getByRole("button", { name: "Deactivate 2 users" });
    await expect(go).toBeDisabled();
    await dialog.getByLabel("Type 2 to confirm").fill("2");
    await go.click();
    await expect(page.getByTestId("bulk-status")).toHaveText("Finished.");
    await expect(page.getByTestId("bulk-summary")).toContainText("2 of 2 done · 1 succeeded · 1 failed");
    await expect(page.getByRole("heading", { name: "Failed (1)" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Failed users" }).getByTestId("bulk-result")).toContainText(`${ids[10]} is already deactivated.`);
    for (const id of ids.slice(10, 12)) expect((await getUser(id)).user.deactivated).toBe(true);
    expect((await getUser(ids[9])).user.deactivated).toBe(false);
  });
});
