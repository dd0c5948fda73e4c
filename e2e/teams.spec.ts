/**
 * Teams on one hosted portal: the organisation gate (next-auth against the test identity provider) comes
 * before everything, even the Synapse sign-in; portal roles hold on the server; the audit log names the person
 * beside the Synapse admin. Runs on the gate portal (playwright.config.ts GATE_PORTAL, PORTAL_PORT+3).
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { GATE_PORTAL } from "../playwright.config";
import { startTestIdp, type TestIdp } from "./synapse/oidc-provider";
import { adminToken, api, createUser, loadTestbed, randomSuffix, signInWithPassword } from "./fixtures";
import { expectJobStatus, synapseUser, uploadCsv } from "./import-helpers";
import { createUserWithoutPassword, loginAs, mediaInfo, pngOfSize, upload } from "./media-fixtures";

test.use({ baseURL: GATE_PORTAL });

const tb = loadTestbed();
let idp: TestIdp;
test.beforeAll(async () => {
  idp = await startTestIdp(tb.oidcPort!);
});
test.afterAll(async () => {
  await idp?.close();
});

type Person = { username: string; email?: string; groups?: string };

/** Any page first asks for the organisation sign-in; the person logs in at the identity provider. */
async function gateSignIn(page: Page, who: Person) {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/gate$/);
  await page.getByRole("button", { name: "Sign in with Team IdP" }).click();
  await expect(page.getByRole("heading", { name: "Test IdP" })).toBeVisible();
  await page.getByLabel("IdP username").fill(who.username);
  if (who.email) await page.getByLabel(/^E-mail/).fill(who.email);
  if (who.groups) await page.getByLabel(/^Groups/).fill(who.groups);
  await page.getByRole("button", { name: "Log in at the IdP" }).click();
}

/** The gate let the person in: the Synapse sign-in follows, as a new server admin. */
async function signInAdmin(page: Page): Promise<string> {
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`teams-admin-${randomSuffix()}`, password, { admin: true });
  await signInWithPassword(page, admin, password);
  return admin;
}

const getUser = async (userId: string) => (await api<{ deactivated: boolean }>(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { token: await adminToken() })).body;

test("a stranger never sees the Synapse sign-in; an outsider is refused with what is missing", async ({ page }) => {
  const s = randomSuffix();
  await test.step("pages, the login page and the API all send a stranger to the gate; /api/health stays public", async () => {
    await page.goto("/login");
    await expect(page).toHaveURL(/\/gate$/);
    await expect(page.getByRole("form", { name: "Sign in", exact: true })).toHaveCount(0);
    const api = await page.request.get("/api/imports/template", { maxRedirects: 0 });
    expect(api.status()).toBe(307);
    expect(api.headers()["location"]).toMatch(/\/gate$/);
    expect((await page.request.get("/api/health")).status()).toBe(200);
  });
  await test.step("an e-mail outside the allowed domains and no allowed group: refused, and told why", async () => {
    await gateSignIn(page, { username: `eve-${s}`, email: `eve-${s}@outsider.test`, groups: "visitors" });
    await expect(page.getByTestId("gate-refusal")).toHaveText(
      `Your e-mail eve-${s}@outsider.test is not in the allowed e-mails or domains, and none of your groups (visitors) is allowed.`,
    );
    await page.goto("/login");
    await expect(page).toHaveURL(/\/gate$/);
    await expect(page.getByTestId("gate-refusal")).toBeVisible();
  });
  await test.step("signing out of the refusal lets another account try", async () => {
    await page.getByRole("button", { name: "Sign out and use another account" }).click();
    await expect(page.getByRole("button", { name: "Sign in with Team IdP" })).toBeVisible();
  });
});

test("an allowed person enters and then sees the Synapse sign-in (a group admits too)", async ({ page, browser }) => {
  const s = randomSuffix();
  await gateSignIn(page, { username: `member-${s}` });
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("gate-person")).toHaveText(`Signed in to the portal as Test member-${s} <member-${s}@team.test> (viewer).`);
  await expect(page.getByRole("form", { name: "Sign in", exact: true })).toBeVisible();

  const other = await browser.newContext({ baseURL: GATE_PORTAL });
  const contractor = await other.newPage();
  await gateSignIn(contractor, { username: `contractor-${s}`, email: `c-${s}@agency.test`, groups: "contractors,portal-operators" });
  await expect(contractor.getByTestId("gate-person")).toContainText(`c-${s}@agency.test> (operator)`);
  await other.close();
});

test("a viewer sees no destructive buttons; calling the deactivate action directly is refused and audited", async ({ page, browser }) => {
  const s = randomSuffix();
  const target = await createUser(`teams-target-${s}`, `pw-${s}`);
  const first = await createUser(`teams-first-${s}`, `pw-${s}`);

  // An operator deactivates one user through the page; the browser's server-action request is what a viewer replays.
  const opContext = await browser.newContext({ baseURL: GATE_PORTAL });
  const op = await opContext.newPage();
  await gateSignIn(op, { username: `op-${s}`, groups: "portal-operators" });
  await signInAdmin(op);
  await op.goto(`/users/${encodeURIComponent(first)}`);
  const sent = op.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && (r.postData() ?? "").includes(first));
  await op.getByRole("group", { name: "User actions" }).getByRole("button", { name: "Deactivate" }).click();
  const dialog = op.getByRole("dialog", { name: "Deactivate user" });
  await dialog.getByLabel(`Type ${first} to confirm`).fill(first);
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(op.locator("header [data-badge=deactivated]")).toBeVisible();
  const request = await sent;
  const actionId = request.headers()["next-action"];
  const body = request.postData()!;
  await opContext.close();

  await gateSignIn(page, { username: `viewer-${s}` });
  const admin = await signInAdmin(page);
  await test.step("no buttons that change anything", async () => {
    await page.goto(`/users/${encodeURIComponent(target)}`);
    await expect(page.getByRole("heading", { name: `teams-target-${s}` })).toBeVisible();
    await expect(page.getByRole("group", { name: "User actions" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
    await page.goto("/media");
    await expect(page.getByRole("heading", { name: "Media", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete old media…" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  });
  await test.step("the deactivate action called directly: refused, nothing changed, audited as forbidden", async () => {
    await page.goto(`/users/${encodeURIComponent(target)}`);
    const answer = await page.evaluate(
      async ({ id, payload }) => {
        const r = await fetch(location.pathname, { method: "POST", headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, body: payload });
        return r.text();
      },
      { id: actionId, payload: body.replaceAll(first, target) },
    );
    expect(answer).toContain("FORBIDDEN");
    expect(answer).toContain("Your portal role (viewer) cannot do this; it needs operator.");
    expect((await getUser(target)).deactivated).toBe(false);
    await page.goto(`/audit?target=${encodeURIComponent(target)}`);
    const row = page.getByTestId("audit-row").filter({ hasText: "user.deactivate" });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("audit-person")).toContainText(`viewer-${s}@team.test`);
    await expect(row.getByTestId("audit-actor")).toContainText(admin);
    await expect(row).toContainText("forbidden");
  });
  await test.step("the CSV upload route refuses a viewer too", async () => {
    const status = await page.evaluate(async () => (await fetch("/api/imports?fileName=x.csv", { method: "POST", headers: { "content-type": "text/csv" }, body: "id\nx\n" })).status);
    expect(status).toBe(403);
  });
});

test("an operator imports a CSV; the job page says who started it", async ({ page }) => {
  const s = randomSuffix();
  await gateSignIn(page, { username: `importer-${s}`, groups: "portal-operators" });
  await signInAdmin(page);
  await uploadCsv(page, "team.csv", `id,displayname,password\nteams-imp-${s},Imported ${s},Pw-${s}-long1!\n`);
  await expectJobStatus(page, "completed");
  await expect(page.getByTestId("job-started-by")).toContainText(`Test importer-${s} <importer-${s}@team.test> as @teams-admin-`);
  expect((await synapseUser(`@teams-imp-${s}:${tb.serverName}`))?.displayname).toBe(`Imported ${s}`);

  await test.step("the import worker's own entries (the user it created, the job's end) name the person too", async () => {
    await page.goto(`/audit?target=${encodeURIComponent(`@teams-imp-${s}:${tb.serverName}`)}`);
    const created = page.getByTestId("audit-row").filter({ hasText: "user.create" });
    await expect(created).toHaveCount(1);
    await expect(created.getByTestId("audit-person")).toContainText(`importer-${s}@team.test`);
    await page.goto(`/audit?action=import.finish&person=${encodeURIComponent(`importer-${s}@team.test`)}`);
    await expect(page.getByTestId("audit-row").filter({ hasText: "team.csv" })).toHaveCount(1);
  });

  await test.step("a file waiting for review, discarded: the job page says who cancelled it", async () => {
    await uploadCsv(page, "bad.csv", `id,displayname,password\nteams-ok-${s},Ok,Pw-${s}-long1!\nBad Id ${s},X,\n`);
    await expectJobStatus(page, "waiting for review");
    await page.getByRole("button", { name: "Discard" }).click();
    await expect(page.getByTestId("job-cancelled-by")).toHaveText(`Test importer-${s} <importer-${s}@team.test>`);
  });
});

test("an owner deletes a media file; the audit log names the person and the Synapse admin; sign-out ends both", async ({ page }) => {
  const s = randomSuffix();
  const user = await createUserWithoutPassword(`teams-media-${s}`);
  const file = await upload(await loginAs(user), pngOfSize(10_000), "image/png", "p.png");
  await gateSignIn(page, { username: `owner-${s}`, groups: "portal-owners" });
  const admin = await signInAdmin(page);
  await expect(page.getByTestId("header-person")).toHaveText(`Test owner-${s} <owner-${s}@team.test> · owner`);

  await test.step("delete the file from the user's media", async () => {
    await page.goto(`/media/users/${encodeURIComponent(user)}`);
    await page.getByLabel(`Select ${file.mediaId}`).check();
    await page.getByRole("button", { name: "Delete selected (1)" }).click();
    await page.getByRole("dialog", { name: "Delete selected files" }).getByRole("button", { name: "Delete 1 file" }).click();
    await expect(page.getByRole("status")).toContainText("Deleted 1 file");
    expect(await mediaInfo(file)).toBeNull();
  });
  await test.step("the audit log, filtered by the person, shows both identities and exports them", async () => {
    await page.goto("/audit");
    await page.getByLabel("Person").fill(`owner-${s}@team.test`);
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    const row = page.getByTestId("audit-row").filter({ hasText: "media.delete-selected" });
    await expect(row.getByTestId("audit-person")).toContainText(`owner-${s}@team.test`);
    await expect(row.getByTestId("audit-actor")).toContainText(admin);
    const csv = await (await page.request.get(`/audit/export?person=${encodeURIComponent(`owner-${s}@team.test`)}`)).text();
    // The MXID starts with @, a formula in spreadsheets: the cell is escaped with a leading '.
    expect(csv).toContain(`Test owner-${s},owner-${s}@team.test,sub-owner-${s},'${admin},`);
    expect(csv).toContain("media.delete-selected");
  });
  await test.step("the owner's settings page shows the role mapping in force", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByTestId("settings-role-owner")).toContainText("group:portal-owners");
    await expect(page.getByTestId("settings-gate")).not.toContainText("gate-secret");
  });
  await test.step("signing out ends the gate's session and the Synapse session", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out of the portal and of the homeserver.")).toBeVisible();
    await page.goto("/login");
    await expect(page).toHaveURL(/\/gate$/);
    const devices = await api<{ devices: { display_name: string | null }[] }>(`/_synapse/admin/v2/users/${encodeURIComponent(admin)}/devices`, { token: await adminToken() });
    expect(devices.body.devices.filter((d) => d.display_name === "Synapse Admin Portal")).toHaveLength(0);
  });
});

test("single click: after the gate, Synapse's SSO through the same provider asks for no second login", async ({ page }) => {
  const localpart = `teams-sso-${randomSuffix()}`;
  const userId = await createUser(localpart, `pw-${randomSuffix()}`, { admin: true });
  await gateSignIn(page, { username: localpart, groups: "portal-owners" });
  const form = page.getByRole("form", { name: "Sign in", exact: true });
  await form.getByLabel("Username (full Matrix ID)").fill(userId);
  await form.getByLabel("Password").focus();
  await expect(form.getByTestId("homeserver-version")).toBeVisible();
  await form.getByRole("link", { name: "Sign in with SSO" }).click();
  await expect(page.getByTestId("header-user")).toHaveText(userId);
  expect(idp.logins.filter((l) => l === localpart)).toHaveLength(2);
});

test("a Synapse session one person left in the browser is not handed to the next person of the gate", async ({ page, context }) => {
  const s = randomSuffix();
  await gateSignIn(page, { username: `first-${s}`, groups: "portal-operators" });
  const admin = await signInAdmin(page);
  // The first person's gate session ends without the portal's sign-out (it expired, or was cleared); the next one signs in.
  await context.clearCookies({ name: /^(next-auth\.|test_idp_login)/ });
  // Back from the gate the login page finds a Synapse session: not the second person's, so it is ended.
  await gateSignIn(page, { username: `second-${s}` });
  await expect(page).toHaveURL(/\/login\?reason=session-ended$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("gate-person")).toContainText(`second-${s}@team.test`);
  const devices = await api<{ devices: { display_name: string | null }[] }>(`/_synapse/admin/v2/users/${encodeURIComponent(admin)}/devices`, { token: await adminToken() });
  expect(devices.body.devices.filter((d) => d.display_name === "Synapse Admin Portal")).toHaveLength(0);
});
