/**
 * A shared, internet-facing portal with HOMESERVER_ALLOWLIST: the admin picks from the list,
 * and anything else is refused before a request leaves for it.
 */
import { expect, test } from "./test";
import { ALLOWLIST_ENTRIES, ALLOWLIST_PORTAL } from "../playwright.config";
import { loadTestbed } from "./fixtures";

test.use({ baseURL: ALLOWLIST_PORTAL });

test("the homeserver is a select of the allowed entries, and signing in through one works", async ({ page }) => {
  const tb = loadTestbed();
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in", exact: true });
  const select = form.getByLabel("Homeserver URL");
  await expect(select.locator("option")).toHaveText(ALLOWLIST_ENTRIES);
  await expect(form.getByTestId("homeserver-version")).toContainText("Synapse");
  await form.getByLabel("Username (full Matrix ID)").fill(tb.admin.userId);
  await form.getByLabel("Password").fill(tb.admin.password);
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("header-homeserver")).toHaveText(tb.baseUrl);
});

test("a homeserver that is not on the list is refused", async ({ page }) => {
  await page.goto(`/login/sso/start?hs=${encodeURIComponent("http://127.0.0.2:18008")}`);
  await expect(page).toHaveURL(/\/login\?error=/);
  await expect(page.getByText(`This portal only signs in to ${ALLOWLIST_ENTRIES.join(", ")}.`, { exact: false })).toBeVisible();
  await expect(page.getByTestId("header-user")).toHaveCount(0);
});
