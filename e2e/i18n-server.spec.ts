/**
 * The media, server and settings pages for an admin whose browser asks for German (Accept-Language de-DE):
 * a user's 1.5 MB upload shown as "1,50 MB", a registration token created with the German form (checked on
 * Synapse), the federation and background updates pages, and the settings' pattern refused in German.
 */
import { expect, test } from "./test";
import { adminToken, api, randomSuffix } from "./fixtures";
import { signInAsNewAdmin } from "./users-helpers";
import { createUserWithoutPassword, loginAs, textOfSize, upload } from "./media-fixtures";

test.use({ locale: "de-DE", timezoneId: "UTC" });


test("media, registration tokens, federation, background updates and settings in German", async ({ page }) => {
  await signInAsNewAdmin(page, "i18n-server");
  const localpart = `i18n-media-${randomSuffix()}`;
  const user = await createUserWithoutPassword(localpart);
  await upload(await loginAs(user), textOfSize(1.5 * 1024 * 1024), "text/plain", "bericht.txt");

  await test.step("media usage: German words, a German decimal comma in byte sizes", async () => {
    await page.goto(`/media?q=${encodeURIComponent(localpart)}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: "Medien", exact: true })).toBeVisible();
    await expect(page.getByRole("figure", { name: /Top \d+ Benutzer nach Speicherplatz/ })).toBeVisible();
    await expect(page.getByText("1 Benutzer", { exact: true })).toBeVisible();
    const row = page.getByTestId("usage-row").filter({ hasText: user });
    await expect(row).toContainText("1,50 MB");
    await row.getByRole("link", { name: user }).click();
    await expect(page.getByRole("heading", { name: `Medien von ${user}` })).toBeVisible();
    await expect(page.getByTestId("user-media-total")).toContainText("1 Datei");
    await expect(page.getByTestId("media-row")).toContainText("1,50 MB");
    await expect(page.getByRole("link", { name: "Größe" })).toBeVisible();
  });

  const name = `i18n-${randomSuffix()}`;
  await test.step("a registration token created with the German form exists on Synapse", async () => {
    await page.goto("/server");
    await expect(page.getByRole("heading", { name: "Registrierungstoken", exact: true })).toBeVisible();
    await page.getByText("Neues Registrierungstoken").click();
    const form = page.getByRole("form", { name: "Neues Registrierungstoken" });
    await form.getByLabel("Token (leer lassen, um eines zu erzeugen)").fill("mit leerzeichen!");
    await form.getByRole("button", { name: "Token erstellen" }).click();
    await expect(form.getByText("Ein Token darf nur die Buchstaben A–Z und a–z, Ziffern und . _ ~ - enthalten.").first()).toBeVisible();
    await form.getByLabel("Token (leer lassen, um eines zu erzeugen)").fill(name);
    await form.getByLabel("Erlaubte Verwendungen (leer für unbegrenzt)").fill("2");
    await form.getByRole("button", { name: "Token erstellen" }).click();
    await expect(form.getByText(`Token ${name} erstellt.`)).toBeVisible();
    const onSynapse = await api<{ token: string; uses_allowed: number | null }>(`/_synapse/admin/v1/registration_tokens/${encodeURIComponent(name)}`, {
      token: await adminToken(),
    });
    expect(onSynapse.status).toBe(200);
    expect(onSynapse.body.uses_allowed).toBe(2);
    const row = page.getByTestId("token-row").filter({ hasText: name });
    await expect(row.getByTestId("token-state")).toHaveText("Gültig");
    await expect(row.getByTestId("token-expiry")).toHaveText("nie");
  });

  await test.step("federation and background updates in German", async () => {
    await page.getByRole("navigation", { name: "Server" }).getByRole("link", { name: "Föderation" }).click();
    await expect(page.getByRole("heading", { name: "Föderationsziele" })).toBeVisible();
    await expect(page.getByLabel("Servername enthält")).toBeVisible();
    await expect(page.getByTestId("destinations-summary")).toContainText("Fehlerhafte Server stehen vorn.");
    await page.getByRole("navigation", { name: "Server" }).getByRole("link", { name: "Hintergrundaktualisierungen" }).click();
    await expect(page.getByRole("heading", { name: "Hintergrundaktualisierungen" })).toBeVisible();
    await expect(page.getByTestId("background-enabled")).toHaveText(/^Hintergrundaktualisierungen (laufen|sind pausiert)/);
    await expect(page.getByRole("button", { name: "Benutzerverzeichnis neu aufbauen" })).toBeVisible();
  });

  await test.step("settings: a pattern that does not compile is refused in German, nothing saved", async () => {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Einstellungen", exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/Einstellungen/);
    const form = page.getByRole("form", { name: "Bridge- und Bot-Benutzer" });
    const field = form.getByLabel("IDs verwalteter Benutzer (regulärer Ausdruck)");
    const before = await field.inputValue();
    await field.fill("(a");
    await form.getByRole("button", { name: "Muster speichern" }).click();
    await expect(form.getByText("„(a“ ist kein gültiger regulärer Ausdruck: Unterminated group.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("IDs verwalteter Benutzer (regulärer Ausdruck)")).toHaveValue(before);
  });
});
