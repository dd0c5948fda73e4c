/**
 * The first thing a new admin sees: discovery from the MXID, the version label, the dashboard,
 * and a specific message for each classic way a sign-in goes wrong.
 */
import { expect, test } from "./test";
import { adminToken, api, createUser, fillPasswordLogin, loadTestbed, passwordLogin, randomSuffix } from "./fixtures";

test("an admin signs in: discovery fills the URL, the version shows, the dashboard matches Synapse", async ({ page }) => {
  const tb = loadTestbed();
  const version = (await api<{ server_version: string }>("/_synapse/admin/v1/server_version")).body.server_version;

  await test.step("discovery and version label", async () => {
    const form = await fillPasswordLogin(page, tb.admin.userId, tb.admin.password);
    await expect(form.getByLabel("Homeserver URL")).toHaveValue(new URL(tb.baseUrl).origin);
    await expect(form.getByTestId("homeserver-version")).toHaveText(`✓ Synapse ${version}`);
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
  });

  await test.step("dashboard totals equal the admin API's", async () => {
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const token = await adminToken();
    const users = await api<{ total: number }>("/_synapse/admin/v3/users?limit=0&locked=true", { token });
    const rooms = await api<{ total_rooms: number }>("/_synapse/admin/v1/rooms?limit=0", { token });
    const media = await api<{ users: { media_length: number }[] }>("/_synapse/admin/v1/statistics/users/media?limit=1000", { token });
    const bytes = media.body.users.reduce((s, u) => s + u.media_length, 0);
    await expect(page.getByTestId("stat-version")).toHaveText(`Synapse ${version}`);
    await expect(page.getByTestId("stat-users")).toHaveText(users.body.total.toLocaleString("en-US"));
    await expect(page.getByTestId("stat-rooms")).toHaveText(rooms.body.total_rooms.toLocaleString("en-US"));
    await expect(page.getByTestId("stat-media")).toHaveAttribute("data-raw", String(bytes));
    await expect(page.getByTestId("header-user")).toHaveText(tb.admin.userId);
    await expect(page.getByTestId("header-version")).toHaveText(`Synapse ${version}`);
  });
});

test.describe("each classic sign-in failure has its own message", () => {
  test("a username without the server asks for the full Matrix ID", async ({ page }) => {
    await page.goto("/login");
    const form = page.getByRole("form", { name: "Sign in", exact: true });
    for (const typed of ["portal-admin", "@portal-admin"]) {
      await form.getByLabel("Username (full Matrix ID)").fill(typed);
      await form.getByLabel("Password").focus();
      await expect(form.getByText("Enter your full Matrix ID with the server, like @portal-admin:example.org")).toBeVisible();
    }
    await expect(form.getByLabel("Homeserver URL")).toHaveValue("");
  });

  test("an empty or malformed homeserver URL", async ({ page }) => {
    const tb = loadTestbed();
    const form = await fillPasswordLogin(page, tb.admin.userId, tb.admin.password, "");
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(form.getByText("Enter the homeserver URL, for example https://matrix.example.org.")).toBeVisible();
    await form.getByLabel("Homeserver URL").fill("https://exa mple.org");
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(form.getByText(/is not a valid URL/)).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("an unreachable URL, and a URL that is not a Matrix homeserver", async ({ page, baseURL }) => {
    const tb = loadTestbed();
    const form = await fillPasswordLogin(page, tb.admin.userId, tb.admin.password, "http://127.0.0.1:9");
    await expect(form.getByText(/Could not connect to http:\/\/127\.0\.0\.1:9/).first()).toBeVisible();
    await expect(form.getByTestId("homeserver-version")).toHaveCount(0);
    await form.getByLabel("Homeserver URL").fill(baseURL!);
    await form.getByLabel("Password").focus();
    await expect(form.getByText(/is not a Matrix homeserver/).first()).toBeVisible();
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(form.getByText(/is not a Matrix homeserver/).first()).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a wrong password", async ({ page }) => {
    const userId = await createUser(`wrongpw-${randomSuffix()}`, "right-password-1", { admin: true });
    const form = await fillPasswordLogin(page, userId, "not-the-password");
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(form.getByText("Wrong Matrix ID or password.", { exact: false })).toBeVisible();
  });

  test("a user who is not a server admin is told how admins are made, and the fresh token is revoked", async ({ page }) => {
    const password = `pw-${randomSuffix()}`;
    const userId = await createUser(`plain-${randomSuffix()}`, password);
    const form = await fillPasswordLogin(page, userId, password);
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(form.getByText(/is not a server admin/)).toBeVisible();
    await expect(form.getByText(/register_new_matrix_user --admin/)).toBeVisible();
    const devices = await api<{ devices: unknown[] }>(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}/devices`, {
      token: await adminToken(),
    });
    expect(devices.body.devices).toHaveLength(0);
  });

  test("rate limiting says when to retry", async ({ page }) => {
    const userId = await createUser(`limited-${randomSuffix()}`, "right-password-2", { admin: true });
    const form = await fillPasswordLogin(page, userId, "wrong");
    const button = form.getByRole("button", { name: "Sign in", exact: true });
    const limited = form.getByText(/rate-limiting these requests\. Try again in \d+ seconds?/);
    // The test server allows 5 failed attempts per account, then answers 429 with retry_after_ms.
    for (let attempt = 0; attempt < 8 && !(await limited.isVisible()); attempt++) {
      await button.click();
      await expect(button).toHaveText("Sign in"); // the attempt finished
    }
    await expect(limited).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("deactivated and locked accounts", async ({ page }) => {
    const token = await adminToken();
    const gone = await createUser(`gone-${randomSuffix()}`, "pw-deactivated-1", { admin: true });
    await api(`/_synapse/admin/v1/deactivate/${encodeURIComponent(gone)}`, { method: "POST", token, body: {} });
    let form = await fillPasswordLogin(page, gone, "pw-deactivated-1");
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(form.getByText(/deactivated/)).toBeVisible();

    const locked = await createUser(`locked-${randomSuffix()}`, "pw-locked-1", { admin: true });
    await api(`/_synapse/admin/v2/users/${encodeURIComponent(locked)}`, { method: "PUT", token, body: { locked: true } });
    form = await fillPasswordLogin(page, locked, "pw-locked-1");
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(form.getByText("This account is locked. Another server admin can unlock it.")).toBeVisible();
  });
});

test("a second way in: an existing access token", async ({ page }) => {
  const password = `pw-${randomSuffix()}`;
  const userId = await createUser(`tokenadmin-${randomSuffix()}`, password, { admin: true });
  await page.goto("/login");
  await page.getByText("Sign in with an access token").click();
  const form = page.getByRole("form", { name: "Sign in with an access token" });
  await form.getByLabel("Homeserver URL").fill(loadTestbed().baseUrl);
  await form.getByLabel("Access token").fill("not-a-real-token");
  await form.getByRole("button", { name: "Sign in with token" }).click();
  await expect(form.getByText(/not valid on that homeserver/)).toBeVisible();
  // a valid one signs in
  await form.getByLabel("Access token").fill(await passwordLogin(userId, password));
  await form.getByRole("button", { name: "Sign in with token" }).click();
  await expect(page.getByTestId("header-user")).toHaveText(userId);
});
