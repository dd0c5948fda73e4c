/**
 * The lifecycle of an account as an admin lives it: deactivate (typing the MXID), reactivate with a new
 * password, lock, suspend, shadow-ban, a support login token; and the portal refuses to do these to yourself.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { createUser, passwordLogin, randomSuffix } from "./fixtures";
import { getUser, signInAsNewAdmin, userHref, whoami } from "./users-helpers";

async function confirmFlag(page: Page, button: string, title: RegExp) {
  await page.getByRole("group", { name: "User actions" }).getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test("deactivate, reactivate, lock, suspend, shadow-ban and log in as a user", async ({ page }) => {
  const p = `ulc${randomSuffix()}`;
  await signInAsNewAdmin(page, "userslife");
  const userId = await createUser(`${p}-bob`, "bob-password-1");
  await page.goto(userHref(userId));
  const actions = page.getByRole("group", { name: "User actions" });

  await test.step("lock: the user's token is refused until unlocked", async () => {
    const token = await passwordLogin(userId, "bob-password-1");
    await confirmFlag(page, "Lock", /^Lock /);
    await expect(page.locator("header [data-badge=locked]")).toBeVisible();
    expect((await getUser(userId)).user.locked).toBe(true);
    expect((await whoami(token)).body.errcode).toBe("M_USER_LOCKED");
    await confirmFlag(page, "Unlock", /^Unlock /);
    expect((await getUser(userId)).user.locked).toBe(false);
    expect((await whoami(token)).status).toBe(200);
  });

  await test.step("suspend and shadow-ban, then undo both", async () => {
    await confirmFlag(page, "Suspend", /^Suspend /);
    await expect(page.locator("header [data-badge=suspended]")).toBeVisible();
    expect((await getUser(userId)).user.suspended).toBe(true);
    await confirmFlag(page, "Unsuspend", /^Unsuspend /);
    expect((await getUser(userId)).user.suspended).toBe(false);
    await confirmFlag(page, "Shadow-ban", /^Shadow-ban /);
    expect((await getUser(userId)).user.shadow_banned).toBe(true);
    await confirmFlag(page, "Remove shadow-ban", /^Remove shadow-ban /);
    expect((await getUser(userId)).user.shadow_banned).toBe(false);
  });

  await test.step("login as the user: a token, shown once, that acts as them", async () => {
    await actions.getByRole("button", { name: "Login as user…" }).click();
    const dialog = page.getByRole("dialog", { name: "Log in as this user" });
    await dialog.getByLabel("Valid for (minutes)").fill("1");
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("At least 5 minutes.");
    await dialog.getByLabel("Valid for (minutes)").fill("30");
    await dialog.getByRole("button", { name: "Create token" }).click();
    const token = (await dialog.getByLabel("Access token").textContent())!;
    expect((await whoami(token)).body.user_id).toBe(userId);
    await dialog.getByRole("button", { name: "Done" }).click();
  });

  await test.step("deactivate only after typing the MXID; sessions end", async () => {
    const token = await passwordLogin(userId, "bob-password-1");
    await actions.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Deactivate user" });
    const confirm = dialog.getByRole("button", { name: "Deactivate" });
    await dialog.getByLabel(`Type ${userId} to confirm`).fill(userId.replace("@", ""));
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${userId} to confirm`).fill(userId);
    await dialog.getByLabel(/Also erase/).check();
    await confirm.click();
    await expect(page.locator("header [data-badge=deactivated]")).toBeVisible();
    const { user } = await getUser(userId);
    expect(user.deactivated).toBe(true);
    expect(user.erased).toBe(true);
    expect((await whoami(token)).status).toBe(401);
  });

  await test.step("reactivate requires a new password, which then works", async () => {
    await actions.getByRole("button", { name: "Reactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Reactivate user" });
    await dialog.getByRole("button", { name: "Reactivate" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Enter a password.");
    expect((await getUser(userId)).user.deactivated).toBe(true);
    await dialog.getByLabel("New password").fill("bob-password-2");
    await dialog.getByRole("button", { name: "Reactivate" }).click();
    await expect(page.locator("header [data-badge=deactivated]")).toHaveCount(0);
    expect((await getUser(userId)).user.deactivated).toBe(false);
    expect((await whoami(await passwordLogin(userId, "bob-password-2"))).body.user_id).toBe(userId);
  });
});

test("an admin cannot deactivate, lock or suspend their own account", async ({ page }) => {
  const me = await signInAsNewAdmin(page, "usersself");
  await page.goto(userHref(me));
  const actions = page.getByRole("group", { name: "User actions" });

  await actions.getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate user" });
  await dialog.getByLabel(`Type ${me} to confirm`).fill(me);
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("You cannot deactivate your own account.");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  for (const [button, message] of [
    ["Lock", "You cannot lock your own account."],
    ["Suspend", "You cannot suspend your own account."],
  ] as const) {
    await actions.getByRole("button", { name: button, exact: true }).click();
    const d = page.getByRole("dialog", { name: new RegExp(`^${button} `) });
    await d.getByRole("button", { name: button, exact: true }).click();
    await expect(d.getByRole("alert")).toHaveText(message);
    await d.getByRole("button", { name: "Cancel" }).click();
  }
  const { user } = await getUser(me);
  expect([user.deactivated, user.locked, user.suspended]).toEqual([false, false, false]);
  await page.goto("/audit?action=user.deactivate");
  await expect(page.getByTestId("audit-row").first()).toContainText("SELF_PROTECTION");
});
