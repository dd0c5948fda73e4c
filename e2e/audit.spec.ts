/** The audit log records sign-ins and sign-outs (and every later mutating action) and filters them. */
import { expect, test } from "./test";
import { createUser, fillPasswordLogin, randomSuffix, signInWithPassword } from "./fixtures";

test("sign-ins, refusals and sign-outs appear newest first and can be filtered", async ({ page }) => {
  const password = `pw-${randomSuffix()}`;
  const auditor = await createUser(`auditor-${randomSuffix()}`, password, { admin: true });
  const plainPassword = `pw-${randomSuffix()}`;
  const plain = await createUser(`plainaudit-${randomSuffix()}`, plainPassword);

  const form = await fillPasswordLogin(page, plain, plainPassword);
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(form.getByText(/is not a server admin/)).toBeVisible();

  await signInWithPassword(page, auditor, password);
  await page.getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await page.getByLabel("Actor").fill(plain);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${encodeURIComponent(plain)}`));
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("session.login");
  await expect(rows.first()).toContainText("NOT_ADMIN");

  await page.getByLabel("Actor").fill(auditor);
  await page.getByLabel("Action").fill("session.login");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('"method":"password"');
  await expect(rows.first()).toContainText("ok");

  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From").fill(tomorrow);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No entries match.")).toBeVisible();
});
