/**
 * The portal on a phone (390×844): the page never scrolls sideways, the main menu folds into a Menu button that
 * opens and navigates, a list table scrolls inside its box with its identity column kept in view, and a dialog fits
 * the screen. Screenshots in light and dark mode land in test-results/phone/ for a person to look at.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { randomSuffix } from "./fixtures";
import { putUser, signInAsNewAdmin, userHref } from "./users-helpers";

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

async function expectNoSidewaysScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, `${what}: the page is no wider than the screen`).toBeLessThanOrEqual(WIDTH + 1);
}

async function screenshots(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/phone/${name}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("users list, a user and the import page work on a phone", async ({ page }) => {
  const s = randomSuffix();
  // A long ID and several users, so the table is wider than the screen.
  const target = await putUser(`phone-${s}-a-rather-long-localpart-for-a-narrow-screen`, { displayname: `Phone user ${s}` });
  await putUser(`phone-${s}-second`, { displayname: `Second ${s}` });
  await signInAsNewAdmin(page, `phone${s}`);
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });

  await test.step("the main menu is folded behind a disclosure button that opens and navigates", async () => {
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
    await screenshots(page, "dashboard");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
    await screenshots(page, "menu-open");
    await nav.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/users$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  await test.step("users list: no sideways page scroll; the table scrolls and keeps the user ID in view", async () => {
    await page.goto(`/users?q=${encodeURIComponent(`phone-${s}`)}`);
    await expect(page.getByTestId("user-row")).toHaveCount(2);
    await expectNoSidewaysScroll(page, "users list");
    await screenshots(page, "users");
    const box = page.locator("main .overflow-x-auto").filter({ has: page.getByTestId("user-row") });
    const scrollable = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrollable, "the table is wider than the phone, so it scrolls in its box").toBe(true);
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const idLink = page.getByRole("link", { name: target });
    const [cell, frame] = await Promise.all([idLink.boundingBox(), box.boundingBox()]);
    expect(cell!.x, "the user ID is still inside the box after scrolling to the end").toBeGreaterThanOrEqual(frame!.x - 1);
    expect(cell!.x + cell!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
    await screenshots(page, "users-scrolled");
  });

  await test.step("a user's page and its Deactivate dialog fit the screen", async () => {
    await page.goto(userHref(target));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, "user page");
    await screenshots(page, "user");
    await page.getByRole("button", { name: "Deactivate", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Deactivate user" });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeInViewport();
    await screenshots(page, "user-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
  });

  await test.step("the import page", async () => {
    await page.goto("/users/import");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, "import page");
    await screenshots(page, "import");
  });
});
