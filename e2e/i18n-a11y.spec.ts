/**
 * The UI kit in German: the folded main menu, a dialog's close button, typed confirmation and Cancel, and the audit
 * log's filter and total. The journey deactivates a user through the kit's dialog and checks it on Synapse.
 */
import { expect, test } from "./test";
import { randomSuffix } from "./fixtures";
import { getUser, putUser, signInAsNewAdmin, userHref } from "./users-helpers";

test.use({ locale: "de-DE" });

test("the kit speaks German: menu, dialog, typed confirmation, audit filter", async ({ page }) => {
  const target = await putUser(`de-kit-${randomSuffix()}`);
  await signInAsNewAdmin(page, `dekit${randomSuffix()}`);
  await page.goto("/"); // the sign-in ran in English (e2e/fixtures.ts); from here the browser's language decides
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  await test.step("main menu", async () => {
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await expect(nav.getByRole("link", { name: "Benutzer" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Audit-Protokoll" })).toBeVisible();
  });

  await test.step("the Deactivate dialog in German; typing the ID and confirming deactivates the user", async () => {
    await page.goto(userHref(target));
    // The button's own word belongs to the users section (English until it is translated there).
    await page.getByRole("button", { name: /^(Deactivate|Deaktivieren)$/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Dialog schließen" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeVisible();
    await dialog.getByLabel(`Geben Sie zur Bestätigung ${target} ein`).fill(target);
    await dialog.locator('button[type="submit"]').click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(async () => (await getUser(target)).user.deactivated).toBe(true);
  });

  await test.step("the audit log's date filter and total", async () => {
    await page.goto("/audit");
    const filter = page.locator("main form").first();
    await expect(filter.getByLabel("Von")).toBeVisible();
    await expect(filter.getByLabel("Bis")).toBeVisible();
    await expect(filter.getByRole("link", { name: "Zurücksetzen" })).toBeVisible();
    await filter.getByLabel("Von").fill("2000-01-01");
    await filter.getByRole("button", { name: "Filtern" }).click();
    await expect(page).toHaveURL(/from=2000-01-01/);
    await expect(page.getByTestId("audit-total")).toHaveText(/^[\d.]+ (Eintrag|Einträge), neueste zuerst$/);
  });
});
