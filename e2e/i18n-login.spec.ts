/**
 * The login page, the header and the dashboard in German: chosen by the browser's language (Accept-Language), or
 * by the switcher, which a cookie remembers across the sign-in until the admin switches back from the header.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { adminToken, api, loadTestbed } from "./fixtures";

type Devices = { devices: { device_id: string }[] };
const deviceIds = async (userId: string) =>
  new Set((await api<Devices>(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}/devices`, { token: await adminToken() })).body.devices.map((d) => d.device_id));

/** The German password form, filled; discovery (on leaving the ID field) fills the homeserver URL. */
async function fillGermanLogin(page: Page, mxid: string, password: string) {
  const form = page.getByRole("form", { name: "Anmelden", exact: true });
  await form.getByLabel("Benutzername (vollständige Matrix-ID)").fill(mxid);
  await form.getByLabel("Passwort").fill(password);
  await form.getByLabel("Passwort").focus();
  await expect(form.getByLabel("Homeserver-URL")).not.toHaveValue("");
  await expect(form.getByTestId("homeserver-version")).toBeVisible();
  return form;
}

test.describe("a German browser", () => {
  test.use({ locale: "de-DE" });

  test("signs in in German: the wrong password's message, the dashboard and the navigation; Synapse has the new device", async ({ page }) => {
    const tb = loadTestbed();
    const before = await deviceIds(tb.admin.userId);

    await test.step("the login page is German", async () => {
      await page.goto("/login");
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      await expect(page).toHaveTitle("Anmelden · Synapse-Admin-Portal");
      await expect(page.getByText("Melden Sie sich mit einem Server-Administrator-Konto an.")).toBeVisible();
      await expect(page.getByText("Mit einem Zugriffstoken anmelden")).toBeVisible();
    });

    await test.step("a client-side check and a wrong password are explained in German", async () => {
      const form = page.getByRole("form", { name: "Anmelden", exact: true });
      await form.getByLabel("Benutzername (vollständige Matrix-ID)").fill("portal-admin");
      await form.getByLabel("Passwort").focus();
      await expect(form.getByText("Geben Sie Ihre vollständige Matrix-ID mit dem Server ein, etwa @portal-admin:example.org – nicht nur den Benutzernamen.")).toBeVisible();
      await fillGermanLogin(page, tb.admin.userId, `${tb.admin.password}-wrong`);
      await form.getByRole("button", { name: "Anmelden", exact: true }).click();
      await expect(form.getByText("Falsche Matrix-ID oder falsches Passwort. (Synapse antwortet bei einem deaktivierten Konto genauso.)")).toBeVisible();
      await expect(page).toHaveURL(/\/login$/);
    });

    await test.step("the right password lands on the German dashboard", async () => {
      const form = await fillGermanLogin(page, tb.admin.userId, tb.admin.password);
      await form.getByRole("button", { name: "Anmelden", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Übersicht" })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
      for (const name of ["Benutzer", "Räume", "Medien", "Meldungen", "Aufträge", "Audit-Protokoll"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Was der Server gerade tut" })).toBeVisible();
      await expect(page.getByText("alle Konten, einschließlich deaktivierter und gesperrter")).toBeVisible();
    });

    await test.step("Synapse: the sign-in made one new device for the admin, and the user count is shown German-style", async () => {
      const after = await deviceIds(tb.admin.userId);
      expect([...after].filter((d) => !before.has(d))).toHaveLength(1);
      const users = await api<{ total: number }>("/_synapse/admin/v3/users?limit=0&locked=true", { token: await adminToken() });
      await expect(page.getByTestId("stat-users")).toHaveText(users.body.total.toLocaleString("de-DE"));
    });
  });
});

test("an English browser chooses Deutsch on the login page, stays German after sign-in, and switches back in the header", async ({ page, context }) => {
  const tb = loadTestbed();

  await test.step("the login page is English until Deutsch is chosen", async () => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("form", { name: "Sign in", exact: true })).toBeVisible();
    await page.getByLabel("Language").selectOption("de");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("form", { name: "Anmelden", exact: true })).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === "portal-locale")?.value).toBe("de");
  });

  await test.step("the sign-in keeps German (the cookie), also on a fresh load", async () => {
    const form = await fillGermanLogin(page, tb.admin.userId, tb.admin.password);
    await form.getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Übersicht" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Übersicht" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Räume" })).toBeVisible();
  });

  await test.step("English again from the header", async () => {
    await page.getByLabel("Sprache").selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rooms" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === "portal-locale")?.value).toBe("en");
  });
});
