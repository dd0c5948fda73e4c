/**
 * Single sign-on, the whole round trip: portal → Synapse → a test OpenID provider → Synapse → the portal's
 * callback, which exchanges the loginToken. Runs against the provisioned test Synapse, which is configured
 * for the provider (playwright.config.ts leaves it out against a SYNAPSE_URL server).
 */
import { expect, test } from "./test";
import { startTestIdp, type TestIdp } from "./synapse/oidc-provider";
import { adminToken, api, createUser, loadTestbed, randomSuffix } from "./fixtures";

const tb = loadTestbed();
let idp: TestIdp;

const oidcPort = tb.oidcPort;
if (!oidcPort) throw new Error("The test Synapse has no test identity provider configured (see e2e/synapse/testbed.sh).");
test.beforeAll(async () => {
  idp = await startTestIdp(oidcPort);
});
test.afterAll(async () => {
  await idp?.close();
});

async function startSso(page: import("@playwright/test").Page, mxid: string) {
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in", exact: true });
  await form.getByLabel("Username (full Matrix ID)").fill(mxid);
  await form.getByLabel("Password").focus();
  await expect(form.getByTestId("homeserver-version")).toBeVisible();
  await form.getByRole("link", { name: "Sign in with SSO" }).click();
  await expect(page.getByRole("heading", { name: "Test IdP" })).toBeVisible();
}

test("an admin signs in through the identity provider and lands on the dashboard", async ({ page }) => {
  const localpart = `ssoadmin-${randomSuffix()}`;
  const userId = await createUser(localpart, `pw-${randomSuffix()}`, { admin: true });
  await startSso(page, userId);
  await page.getByLabel("IdP username").fill(localpart);
  await page.getByRole("button", { name: "Log in at the IdP" }).click();
  await expect(page.getByTestId("header-user")).toHaveText(userId);
  expect(page.url()).not.toContain("loginToken");
  expect(idp.logins).toContain(localpart);
});

test("an SSO account that is not a server admin is refused and its fresh token revoked", async ({ page }) => {
  const localpart = `ssoplain-${randomSuffix()}`;
  await startSso(page, `@${localpart}:${tb.serverName}`);
  await page.getByLabel("IdP username").fill(localpart);
  await page.getByRole("button", { name: "Log in at the IdP" }).click();
  await expect(page).toHaveURL(/\/login\?error=/);
  await expect(page.getByText(/is not a server admin/)).toBeVisible();
  // Synapse registered the account on first SSO login; the portal logged its new token out again.
  const devices = await api<{ devices: unknown[] }>(`/_synapse/admin/v2/users/${encodeURIComponent(`@${localpart}:${tb.serverName}`)}/devices`, {
    token: await adminToken(),
  });
  expect(devices.status).toBe(200);
  expect(devices.body.devices).toHaveLength(0);
});
