/**
 * Creating and editing accounts: bad names are explained before anything is sent, a taken name is never
 * overwritten, a generated password is shown once and works, and every edit lands on Synapse.
 */
import { expect, test } from "./test";
import { createUser, passwordLogin, randomSuffix } from "./fixtures";
import { serverName } from "./synapse/testbed";
import { getUser, PNG_2X2, signInAsNewAdmin, userHref, whoami } from "./users-helpers";

test("create a user: validation, availability, generated password, no overwrite", async ({ page }) => {
  const p = `uc${randomSuffix()}`;
  await signInAsNewAdmin(page, "userscreate");
  await page.goto("/users");
  await page.getByRole("link", { name: "Create user" }).click();
  const form = page.getByRole("form", { name: "Create user" });

  await test.step("an invalid name is explained and nothing is created", async () => {
    await form.getByLabel("User name").fill(`${p} Bad`);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("A user name can contain only a–z, 0–9 and . _ = - / +")).toBeVisible();
    await form.getByLabel("User name").fill(p.toUpperCase());
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText(/Use lowercase letters only/)).toBeVisible();
    expect((await getUser(`@${p.toUpperCase()}:${await serverName()}`)).status).toBe(404);
    expect((await getUser(`@${p.toLowerCase()}:${await serverName()}`)).status).toBe(404);
  });

  const localpart = `${p}-new`;
  let password = "";
  await test.step("availability is checked, the generated password is shown once and works", async () => {
    await form.getByLabel("User name").fill(localpart);
    await form.getByLabel("Display name").fill("New Person");
    await expect(form.getByText(/is available/)).toBeVisible();
    await form.getByLabel("User type").fill("bot");
    await form.getByRole("button", { name: "Create user" }).click();
    const created = page.getByTestId("created-user");
    await expect(created).toHaveText(new RegExp(`^@${localpart}:`));
    password = (await page.getByRole("status").getByLabel("Generated password").textContent()) ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    const userId = (await created.textContent())!;
    const { user } = await getUser(userId);
    expect(user.displayname).toBe("New Person");
    expect(user.user_type).toBe("bot");
    expect(user.admin).toBe(false);
    expect((await whoami(await passwordLogin(userId, password))).body.user_id).toBe(userId);
  });

  await test.step("the same name again is refused and the user is left as it was", async () => {
    await page.getByRole("button", { name: "Create another" }).click();
    await form.getByLabel("User name").fill(localpart);
    await form.getByLabel("Display name").fill("Impostor");
    await form.getByLabel("Set a password").check();
    await expect(form.getByTestId("password-policy")).toHaveCount(0); // this test server has no password policy
    await form.getByLabel("New password", { exact: true }).fill("other-password");
    await form.getByLabel("Server admin", { exact: true }).check();
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText(/already (exists|taken)/)).toBeVisible();
    const { user } = await getUser(`@${localpart}:${await serverName()}`);
    expect(user.displayname).toBe("New Person");
    expect(user.admin).toBe(false);
  });
});

test("edit profile, contacts, SSO links and avatar; reset the password with and without logout", async ({ page }) => {
  const p = `ue${randomSuffix()}`;
  const me = await signInAsNewAdmin(page, "usersedit");
  const userId = await createUser(`${p}-alice`, "first-password-1");

  await test.step("profile fields, an email, a phone number and an external id are saved to Synapse", async () => {
    await page.goto(userHref(userId));
    await expect(page.getByTestId("user-id")).toHaveText(userId);
    const form = page.getByRole("form", { name: "Edit user" });
    await form.getByLabel("Display name").fill("Alice Edited");
    await form.getByRole("button", { name: "Add email or phone" }).click();
    await form.getByLabel("Contact 1", { exact: true }).fill("not-an-email");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByText('"not-an-email" is not an email address.')).toBeVisible();
    await form.getByLabel("Contact 1", { exact: true }).fill(`${p}@example.org`);
    await form.getByRole("button", { name: "Add email or phone" }).click();
    await form.getByLabel("Kind of contact 2").selectOption("msisdn");
    await form.getByLabel("Contact 2", { exact: true }).fill("447700900123");
    await form.getByRole("button", { name: "Add external id" }).click();
    await form.getByLabel("Provider 1", { exact: true }).fill("oidc-test");
    await form.getByLabel("External id 1", { exact: true }).fill(`${p}-sub`);
    await form.getByLabel("Server admin", { exact: true }).check();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.");
    const { user } = await getUser(userId);
    expect(user.displayname).toBe("Alice Edited");
    expect(user.admin).toBe(true);
    expect(user.threepids.map((t) => `${t.medium}:${t.address}`).sort()).toEqual([`email:${p}@example.org`, "msisdn:447700900123"]);
    expect(user.external_ids).toEqual([{ auth_provider: "oidc-test", external_id: `${p}-sub` }]);
  });

  await test.step("an avatar upload goes to Synapse and shows through the portal", async () => {
    const avatar = page.getByRole("form", { name: "Avatar" });
    await avatar.getByLabel("New avatar").setInputFiles({ name: "face.png", mimeType: "image/png", buffer: PNG_2X2 });
    await avatar.getByRole("button", { name: "Upload avatar" }).click();
    await expect.poll(async () => (await getUser(userId)).user.avatar_url ?? "").toMatch(/^mxc:\/\//);
    await expect(page.locator("header img")).toHaveAttribute("src", /^\/api\/media\/.+\?thumb=64x64$/);
  });

  await test.step("demoting yourself is refused with a message", async () => {
    await page.goto(userHref(me));
    const form = page.getByRole("form", { name: "Edit user" });
    await form.getByLabel("Server admin", { exact: true }).uncheck();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("alert")).toHaveText("You cannot remove admin rights from your own account.");
    expect((await getUser(me)).user.admin).toBe(true);
  });

  await test.step("reset with 'keep devices': the old token still works", async () => {
    const token = await passwordLogin(userId, "first-password-1");
    await page.goto(userHref(userId));
    await page.getByRole("button", { name: "Reset password" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset password" });
    await dialog.getByLabel("New password", { exact: true }).fill("second-password-2");
    await expect(dialog.getByLabel("Log out all devices")).toBeChecked();
    await dialog.getByLabel("Log out all devices").uncheck();
    await dialog.getByRole("button", { name: "Set password" }).click();
    await expect(dialog.getByRole("status")).toContainText("sessions stay signed in");
    await dialog.getByRole("button", { name: "Done" }).click();
    expect((await whoami(token)).status).toBe(200);
    await passwordLogin(userId, "second-password-2");
  });

  await test.step("reset with logout (the default) and a generated password: the old token is rejected", async () => {
    const token = await passwordLogin(userId, "second-password-2");
    await page.getByRole("button", { name: "Reset password" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset password" });
    await dialog.getByLabel("Generate a password").check();
    await dialog.getByRole("button", { name: "Set password" }).click();
    const shown = dialog.getByLabel("New password", { exact: true });
    await expect(shown).toHaveText(/.{16,}/);
    const generated = (await shown.textContent())!;
    expect((await whoami(token)).status).toBe(401);
    await passwordLogin(userId, generated);
  });
});
