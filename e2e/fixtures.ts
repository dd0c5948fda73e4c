// Shared steps for the end-to-end journeys: sign in as a person would, and read Synapse directly.
import { expect, type Page } from "@playwright/test";
import { api, loadTestbed, passwordLogin } from "./synapse/testbed";
import { LOCALE_COOKIE } from "../lib/i18n/locales";

export { api, loadTestbed, passwordLogin };
export { adminToken, createUser, randomSuffix } from "./synapse/testbed";

export async function fillPasswordLogin(page: Page, mxid: string, password: string, homeserverUrl?: string) {
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in", exact: true });
  await form.getByLabel("Username (full Matrix ID)").fill(mxid);
  await form.getByLabel("Password").fill(password);
  await form.getByLabel("Password").focus(); // blur the MXID field: discovery fills the URL
  await expect(form.getByLabel("Homeserver URL")).not.toHaveValue("");
  if (homeserverUrl !== undefined) {
    // As a person would: once discovery has filled the field, replace what it found.
    await form.getByLabel("Homeserver URL").fill(homeserverUrl);
    await form.getByLabel("Password").focus();
  }
  return form;
}

/**
 * Signs in with the password form and waits for the dashboard. The steps read the English form, so a browser
 * in another language signs in with an English language cookie that is dropped again afterwards (the journey then
 * sees the portal in the browser's language; the German login itself is e2e/i18n-login.spec.ts).
 */
export async function signInWithPassword(page: Page, mxid: string, password: string) {
  const chosen = (await page.context().cookies()).some((c) => c.name === LOCALE_COOKIE);
  if (!chosen) await page.context().addCookies([{ name: LOCALE_COOKIE, value: "en", domain: "127.0.0.1", path: "/" }]);
  const form = await fillPasswordLogin(page, mxid, password);
  await expect(form.getByTestId("homeserver-version")).toBeVisible();
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  if (!chosen) await page.context().clearCookies({ name: LOCALE_COOKIE });
}

/** Signs in with the access-token form (the test then knows the token the portal holds). */
export async function signInWithToken(page: Page, token: string) {
  await page.goto("/login");
  await page.getByText("Sign in with an access token").click();
  const form = page.getByRole("form", { name: "Sign in with an access token" });
  await form.getByLabel("Homeserver URL").fill(loadTestbed().baseUrl);
  await form.getByLabel("Access token").fill(token);
  await form.getByRole("button", { name: "Sign in with token" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

export async function whoamiStatus(token: string): Promise<number> {
  return (await api("/_matrix/client/v3/account/whoami", { token })).status;
}
