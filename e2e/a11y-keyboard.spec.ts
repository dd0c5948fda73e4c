/**
 * The keyboard-only journey: sign in, reach a user through the menu and the users list, open the Deactivate dialog
 * and back out of it (Escape, then the Cancel button). Focus is visible at every step and returns to the button that
 * opened the dialog; Synapse still has the user active.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { createUser, randomSuffix } from "./fixtures";
import { getUser, putUser } from "./users-helpers";

/** Presses Tab until the focused element matches `is` (run in the page with `arg`; at most `max` presses). */
async function tabTo(page: Page, what: string, is: (el: Element, arg: string) => boolean, arg = "", max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluate(([src, a]) => new Function("el", "arg", `return (${src})(el, arg)`)(document.activeElement, a) as boolean, [is.toString(), arg]);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The focused element shows a ring: a :focus-visible outline or box-shadow. */
async function expectVisibleFocus(page: Page, what: string) {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { focusVisible: el.matches(":focus-visible"), outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== "none" };
  });
  expect(style, `something is focused (${what})`).not.toBeNull();
  expect(style!.focusVisible, `${what} matches :focus-visible`).toBe(true);
  expect(style!.outline || style!.shadow, `${what} shows an outline or box-shadow`).toBe(true);
}

test("sign in, open a user and back out of Deactivate with the keyboard only", async ({ page }) => {
  const s = randomSuffix();
  const password = `pw-${s}${randomSuffix()}`;
  const admin = await createUser(`kbd-${s}-admin`, password, { admin: true });
  const target = await putUser(`kbd-${s}-target`, { displayname: `Keyboard ${s}` });

  await test.step("sign in: Tab to the fields, type, Enter", async () => {
    await page.goto("/login");
    await tabTo(page, "the MXID field", (el) => el.id === "mxid" || el.getAttribute("autocomplete") === "username");
    await expectVisibleFocus(page, "MXID field");
    await page.keyboard.type(admin);
    await tabTo(page, "the password field", (el) => (el as HTMLInputElement).type === "password");
    await page.keyboard.type(password);
    await expect(page.getByTestId("homeserver-version")).toBeVisible(); // discovery ran when the MXID field lost focus
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });

  await test.step("the main menu's Users link, then a search for the user", async () => {
    await tabTo(page, "the Users link", (el) => el.tagName === "A" && el.textContent === "Users" && !!el.closest("nav"));
    await expectVisibleFocus(page, "Users link");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/users$/);
    await tabTo(page, "the search field", (el) => el.tagName === "INPUT" && (el as HTMLInputElement).name === "q");
    await page.keyboard.type(`kbd-${s}-target`);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("user-row")).toHaveCount(1);
    await tabTo(page, "the user's link", (el, id) => el.tagName === "A" && el.textContent === id, target);
    await expectVisibleFocus(page, "user link");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/users\/%40kbd-/);
  });

  const opener = page.getByRole("button", { name: "Deactivate", exact: true });
  const dialog = page.getByRole("dialog", { name: "Deactivate user" });
  const focusIsOnOpener = () => opener.evaluate((el) => el === document.activeElement);

  await test.step("Deactivate dialog: Escape closes it and focus returns to its button", async () => {
    await tabTo(page, "the Deactivate button", (el) => el.tagName === "BUTTON" && el.textContent?.trim() === "Deactivate");
    await expectVisibleFocus(page, "Deactivate button");
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), "focus moved into the dialog").toBe(true);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    expect(await focusIsOnOpener()).toBe(true);
    await expectVisibleFocus(page, "Deactivate button after Escape");
  });

  await test.step("again, this time the Cancel button", async () => {
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await tabTo(page, "the dialog's Cancel button", (el) => el.tagName === "BUTTON" && el.textContent?.trim() === "Cancel" && !!el.closest("dialog"));
    await expectVisibleFocus(page, "Cancel button");
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    expect(await focusIsOnOpener()).toBe(true);
    await expectVisibleFocus(page, "Deactivate button after Cancel");
  });

  await test.step("Synapse: the user is still active", async () => {
    const { status, user } = await getUser(target);
    expect(status).toBe(200);
    expect(user.deactivated).toBe(false);
  });
});
