/**
 * The users pages in German, as a German-speaking admin (browser language de-DE) uses them: the list with its
 * filters and total, a search, the user's page with its tabs and fields, and locking the user through the
 * German dialog, checked on Synapse.
 */
import { expect, test } from "./test";
import { createUser, randomSuffix } from "./fixtures";
import { getUser, signInAsNewAdmin } from "./users-helpers";

test.use({ locale: "de-DE" });


test("the users list, a user's page and locking a user, in German", async ({ page }) => {
  const localpart = `i18nu${randomSuffix()}-erika`;
  const userId = await createUser(localpart, `pw-${randomSuffix()}${randomSuffix()}`);
  await signInAsNewAdmin(page, "i18nusers");

  await test.step("the list speaks German: heading, filters, columns, total", async () => {
    await page.goto("/users");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: "Benutzer", exact: true })).toBeVisible();
    await expect(page.getByTestId("users-total")).toHaveText(/^[\d.]+ Benutzer$/);
    const filters = page.getByRole("form", { name: "Benutzer filtern" });
    await expect(filters.getByLabel("Deaktiviert")).toBeVisible();
    await expect(filters.getByLabel("Sortieren nach")).toBeVisible();
    await expect(filters.getByText("Typen ausblenden")).toBeVisible();
    for (const header of ["Benutzer-ID", "Anzeigename", "Status", "Erstellt", "Zuletzt gesehen"]) {
      await expect(page.getByRole("columnheader", { name: header })).toBeVisible();
    }
    await expect(page.getByText("Wählen Sie Benutzer für Massenaktionen aus.")).toBeVisible();
  });

  await test.step("a search finds the test's user: one user, never seen", async () => {
    const filters = page.getByRole("form", { name: "Benutzer filtern" });
    await filters.getByLabel("Suche").fill(localpart);
    await filters.getByRole("button", { name: "Anwenden" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${localpart}`));
    await expect(page.getByTestId("users-total")).toHaveText("1 Benutzer");
    const row = page.getByTestId("user-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(userId);
    await expect(row).toContainText("nie");
    await expect(page.getByText("Seite 1 von 1")).toBeVisible();
    await row.getByRole("checkbox", { name: `${userId} auswählen` }).check();
    await expect(page.getByTestId("selection-count")).toHaveText("1 Benutzer ausgewählt");
  });

  await test.step("the user's page: German tabs and fields", async () => {
    await page.getByRole("link", { name: userId }).click();
    await expect(page.getByTestId("user-id")).toHaveText(userId);
    const tabs = page.getByRole("navigation", { name: "Benutzerbereiche" });
    for (const tab of ["Profil", "Geräte", "Verbindungen", "Beigetretene Räume", "Moderation"]) await expect(tabs.getByRole("link", { name: tab })).toBeVisible();
    const form = page.getByRole("form", { name: "Benutzer bearbeiten" });
    await expect(form.getByLabel("Anzeigename")).toBeVisible();
    await expect(form.getByText("Server-Administrator")).toBeVisible();
    await expect(form.getByRole("button", { name: "Änderungen speichern" })).toBeVisible();
    await tabs.getByRole("link", { name: "Geräte" }).click();
    await expect(page.getByText("Keine Geräte.")).toBeVisible();
  });

  await test.step("locking through the German dialog locks the user on Synapse", async () => {
    const actions = page.getByRole("group", { name: "Benutzeraktionen" });
    await actions.getByRole("button", { name: "Sperren", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Sperren: ${userId}?` });
    await expect(dialog.getByText("Die Sitzungen eines gesperrten Benutzers werden bis zum Entsperren abgewiesen.")).toBeVisible();
    await dialog.getByRole("button", { name: "Sperren", exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator("header [data-badge=locked]")).toHaveText("gesperrt");
    expect((await getUser(userId)).user.locked).toBe(true);
    await expect(actions.getByRole("button", { name: "Entsperren", exact: true })).toBeVisible();
  });
});
