/**
 * A homeserver with a password policy (the second test Synapse: 12+ characters, a digit, a symbol, upper- and
 * lowercase). Synapse's admin API would take any password; the portal refuses what the policy refuses, in
 * Synapse's words, sends nothing, and generates passwords that meet it.
 */
import { expect, test } from "./test";
import { signInWithPassword } from "./fixtures";
import { apiAt, loadPolicyTestbed, passwordLogin, randomSuffix } from "./synapse/testbed";
import { userHref } from "./users-helpers";

const tb = loadPolicyTestbed(); // the provisioned test bed has it; playwright.config.ts leaves this file out otherwise
const POLICY_HINT = "The homeserver's password policy asks for at least 12 characters, a digit, a symbol, an uppercase letter and a lowercase letter.";
if (!tb) throw new Error("No policy test Synapse: run `bash e2e/synapse/testbed.sh start` (npm test does).");

test("weak passwords are refused with the policy's words and change nothing; generated ones meet it", async ({ page }) => {
  const server = tb;
  const p = `pol${randomSuffix()}`;
  const adminToken = await passwordLogin(server.admin.userId, server.admin.password, server.baseUrl);
  const userApi = (userId: string, init: { method?: string; body?: unknown } = {}) =>
    apiAt<{ displayname?: string }>(server.baseUrl, `/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { ...init, token: adminToken });
  await signInWithPassword(page, server.admin.userId, server.admin.password);
  await expect(page.getByTestId("header-homeserver")).toHaveText(server.baseUrl);

  await test.step("create with a short password: Synapse's sentence, no user", async () => {
    await page.goto("/users/new");
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByLabel("User name").fill(`${p}-new`);
    await form.getByLabel("Display name").fill("Weak Password");
    await expect(form.getByText(/is available/)).toBeVisible();
    await form.getByLabel("Set a password").check();
    await expect(form.getByTestId("password-policy")).toHaveText(POLICY_HINT);
    await form.getByLabel("New password", { exact: true }).fill("Short-1");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      "The password must be at least 12 characters long (the homeserver's password policy, M_PASSWORD_TOO_SHORT).",
    );
    expect((await userApi(`@${p}-new:${server.serverName}`)).status).toBe(404);
  });

  const userId = `@${p}-bob:${server.serverName}`;
  const first = `Bob-${randomSuffix()}-first1`;
  expect((await userApi(userId, { method: "PUT", body: { password: first } })).status).toBe(201);
  const token = await passwordLogin(userId, first, server.baseUrl);

  await test.step("reset to a password without a symbol: refused, the user stays signed in with the old password", async () => {
    await page.goto(userHref(userId));
    await page.getByRole("button", { name: "Reset password" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset password" });
    await expect(dialog.getByTestId("password-policy")).toHaveText(POLICY_HINT);
    await dialog.getByLabel("New password", { exact: true }).fill("NoSymbolHere123");
    await dialog.getByRole("button", { name: "Set password" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "The password must include at least one symbol (the homeserver's password policy, M_PASSWORD_NO_SYMBOL).",
    );
    expect((await apiAt(server.baseUrl, "/_matrix/client/v3/account/whoami", { token })).status).toBe(200);
    await passwordLogin(userId, first, server.baseUrl);
  });

  await test.step("a generated password meets the policy and works", async () => {
    const dialog = page.getByRole("dialog", { name: "Reset password" });
    await dialog.getByLabel("Generate a password").check();
    await dialog.getByRole("button", { name: "Set password" }).click();
    const shown = dialog.getByLabel("New password", { exact: true });
    await expect(shown).toHaveText(/^([A-Za-z0-9]{5}-){3}[A-Za-z0-9]{5}$/);
    const generated = (await shown.textContent())!;
    expect((await apiAt(server.baseUrl, "/_matrix/client/v3/account/whoami", { token })).status).toBe(401);
    await passwordLogin(userId, generated, server.baseUrl);
  });
});
