/**
 * Homeservers that delegate authentication to MAS, tried as their admin would. What is real: Synapse 1.160 with
 * `matrix_authentication_service` (e2e/synapse/testbed.sh, port+2), Chromium, and the OAuth 2.0 server
 * (the `oidc-provider` package: dynamic registration, PKCE, refresh, revocation, introspection). What is a stand-in:
 * MAS itself (e2e/synapse/mas-standin.ts: metadata, Synapse's token introspection and user/device provisioning,
 * a minimal admin API), with the provider mounted on its origin, as MAS is one origin. Access tokens live 20 s
 * here, so the refresh journey sees a real expiry.
 *
 * Against a real MAS (no stand-in): MAS_TEST_HOMESERVER_URL (a Synapse delegating to it, reachable by the portal),
 * MAS_TEST_ADMIN_USERNAME / MAS_TEST_ADMIN_PASSWORD (a MAS user with can_request_admin who is allowed
 * urn:mas:admin), MAS_TEST_USER_USERNAME / MAS_TEST_USER_PASSWORD (one without can_request_admin); optional
 * MAS_TEST_SERVER_NAME (else the URL's host). Steps that read the stand-in's internals run only with the stand-in:
 * "Synapse knows the session's device", "after the access token expired…" (needs the 20 s tokens and the
 * stand-in's introspection log), "End session on /mas…" (reads the stand-in's session list), and the revocation
 * check of "signing out revokes…" (asks the stand-in's provider; the sign-out itself runs everywhere). The MAS
 * page step checks the stand-in's version only with the stand-in. The sign-in form is MAS's own there
 * (username, password, consent), filled by the same helper.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { apiAt } from "./synapse/testbed";
import { loadMasTestbed } from "./synapse/testbed";
import { startMasStandIn, STANDIN_VERSION, type MasStandIn } from "./synapse/mas-standin";

/** A real MAS when MAS_TEST_HOMESERVER_URL is set; else the test bed's MAS Synapse and the stand-in. */
const REAL = process.env.MAS_TEST_HOMESERVER_URL
  ? {
      baseUrl: process.env.MAS_TEST_HOMESERVER_URL,
      serverName: process.env.MAS_TEST_SERVER_NAME || new URL(process.env.MAS_TEST_HOMESERVER_URL).host,
      admin: { username: need("MAS_TEST_ADMIN_USERNAME"), password: need("MAS_TEST_ADMIN_PASSWORD") },
      user: { username: need("MAS_TEST_USER_USERNAME"), password: need("MAS_TEST_USER_PASSWORD") },
    }
  : null;
function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`MAS_TEST_HOMESERVER_URL is set, so ${name} must be too (see the header of e2e/mas.spec.ts).`);
  return v;
}
const tb = REAL ?? loadMasTestbed();
const standIn = !REAL;
let mas: MasStandIn;
/** "Sign in with <issuer host>", as the portal labels the issuer the homeserver names. */
let issuerHost: string;
const ADMIN = REAL?.admin.username ?? "mas-admin";
const USER = REAL?.user.username ?? "mas-user";
const adminId = `@${ADMIN}:${tb.serverName}`;

test.beforeAll(async () => {
  if (!REAL) {
    const t = loadMasTestbed();
    mas = await startMasStandIn({ port: t.masPort, synapseUrl: t.baseUrl, secret: t.masSecret, accessTokenTtlSeconds: 20 });
    mas.op.canRequestAdmin.add(ADMIN);
  }
  const meta = await apiAt<{ issuer?: string }>(tb.baseUrl, "/_matrix/client/v1/auth_metadata");
  expect(meta.body.issuer, "the homeserver names its MAS").toBeTruthy();
  issuerHost = new URL(meta.body.issuer!).host;
});
test.afterAll(async () => {
  await mas?.close();
});

/** From the Matrix ID alone to the authorization server's sign-in page. */
async function startOAuth(page: Page, mxid: string, opts: { masAdmin?: boolean } = {}) {
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in", exact: true });
  await form.getByLabel("Username (full Matrix ID)").fill(mxid);
  await form.getByLabel("Username (full Matrix ID)").blur();
  const link = form.getByRole("link", { name: `Sign in with ${issuerHost}` });
  await expect(link).toBeVisible();
  // MAS owns the password: the portal does not ask for one.
  await expect(form.getByLabel("Password")).toHaveCount(0);
  if (opts.masAdmin) await form.getByLabel(/Also request MAS admin rights/).check();
  await link.click();
  if (standIn) await expect(page.getByRole("heading", { name: "Test authorization server" })).toBeVisible();
}

/** At the authorization server: the stand-in asks a username; a real MAS a username, a password and consent. */
async function signInAt(page: Page, username: string) {
  await page.getByLabel("Username").fill(username);
  const password = REAL && (username === REAL.admin.username ? REAL.admin.password : REAL.user.password);
  if (password) await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  if (REAL) {
    // MAS's consent page, unless this client was allowed before: its own "Continue".
    await page.waitForLoadState();
    if (new URL(page.url()).host === issuerHost) await page.getByRole("button", { name: "Continue" }).click();
  }
}

/** Synapse's own view, asked with the admin's current token (as Synapse saw it through introspection). */
/** The admin's session tokens Synapse asked about, in order (mpt_ tokens are the jobs' own personal sessions). */
const sessionTokens = () => mas.introspected.filter((t) => !t.startsWith("mpt_"));

async function synapseDevices(userId: string): Promise<string[]> {
  const r = await apiAt<{ devices?: { device_id: string }[] }>(tb.baseUrl, `/_synapse/admin/v2/users/${encodeURIComponent(userId)}/devices`, { token: sessionTokens().at(-1) });
  return (r.body.devices ?? []).map((d) => d.device_id);
}

test("a MAS admin signs in with OAuth, stays signed in across token expiry, sees MAS, and signing out revokes", async ({ page }) => {
  await test.step("discovery from the Matrix ID, then the OAuth round trip lands on the dashboard", async () => {
    await startOAuth(page, adminId, { masAdmin: true });
    await signInAt(page, ADMIN);
    await expect(page.getByTestId("header-user")).toHaveText(adminId);
    expect(page.url()).not.toContain("code=");
    await expect(page.getByText("Authentication delegated to MAS")).toBeVisible();
  });
  const first = standIn ? sessionTokens()[0] : "";
  if (standIn) await test.step("Synapse knows the session's device (provisioned by MAS, named in the token's scope)", async () => {
    expect(first).toBeTruthy();
    const session = mas.sessions.find((s) => s.username === ADMIN);
    expect(session).toBeDefined();
    expect(await synapseDevices(adminId)).toContain(session!.deviceId);
  });
  if (standIn) await test.step("after the access token expired, the portal refreshed it and the admin is still in", async () => {
    await expect.poll(() => mas.isActive(first), { timeout: 60_000, intervals: [2_000] }).toBe(false);
    await page.goto("/users");
    await expect(page.getByTestId("header-user")).toHaveText(adminId);
    const latest = sessionTokens().at(-1)!;
    expect(latest).not.toBe(first);
    expect(await mas.isActive(latest)).toBe(true);
  });
  await test.step("the MAS page shows MAS's version, users and sessions (urn:mas:admin)", async () => {
    await page.goto("/mas");
    await expect(page.getByText(standIn ? `MAS ${STANDIN_VERSION}` : /^MAS \S+/).first()).toBeVisible();
    await expect(page.getByRole("table", { name: "MAS users" }).getByRole("cell", { name: ADMIN, exact: true })).toBeVisible();
    await expect(page.getByRole("table", { name: "MAS sessions" }).getByRole("row")).not.toHaveCount(1);
  });
  if (standIn) await test.step("End session on /mas ends another MAS session of the admin (MAS's list says finished)", async () => {
    // A second session (another browser, no MAS admin scope) to end; ending the page's own would sign it out.
    const other = await page.context().browser()!.newContext();
    const second = await other.newPage();
    await startOAuth(second, adminId);
    await signInAt(second, ADMIN);
    await expect(second.getByTestId("header-user")).toHaveText(adminId);
    await other.close();
    const ours = mas.sessions.filter((s) => s.username === ADMIN);
    expect(ours.length).toBeGreaterThanOrEqual(2);
    const target = ours.at(-1)!;
    await page.goto("/mas");
    const row = page.getByRole("table", { name: "MAS sessions" }).getByRole("row").filter({ hasText: `urn:matrix:client:device:${target.deviceId}` });
    await expect(row.getByRole("cell", { name: "active", exact: true })).toBeVisible();
    await row.getByRole("button", { name: "End session" }).click();
    await row.getByRole("button", { name: "End it" }).click();
    await expect(row.getByRole("cell", { name: "finished", exact: true })).toBeVisible();
    expect(mas.sessions.find((s) => s.id === target.id)?.finishedAt).toBeTruthy();
    // The portal's own session goes on.
    await page.reload();
    await expect(page.getByTestId("header-user")).toHaveText(adminId);
  });
  await test.step("the user page leaves passwords, e-mail/phone and devices to MAS and says so", async () => {
    const userPage = `/users/${encodeURIComponent(adminId)}`;
    await page.goto(userPage);
    await expect(page.getByTestId("mas-owned")).toBeVisible();
    await expect(page.getByRole("button", { name: "Reset password" })).toHaveCount(0);
    await expect(page.getByTestId("mas-owned-contacts")).toContainText("managed by your Matrix Authentication Service");
    await expect(page.getByRole("button", { name: "Add email or phone" })).toHaveCount(0);
    await page.goto(`${userPage}?tab=devices`);
    await expect(page.getByTestId("mas-owned-note")).toContainText("managed by your Matrix Authentication Service; use its admin");
    await expect(page.getByTestId("device-row").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Create device" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Rename device/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
    await page.goto(`${userPage}?tab=connections`);
    await expect(page.getByTestId("mas-owned-note")).toContainText("managed by your Matrix Authentication Service");
  });
  await test.step("signing out revokes the tokens at the authorization server", async () => {
    const latest = standIn ? sessionTokens().at(-1)! : "";
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?reason=signed-out/);
    if (standIn) expect(await mas.isActive(latest)).toBe(false);
  });
});

test("an account that may not request admin rights is refused with the reason", async ({ browser }) => {
  // A browser of its own: the authorization server remembers who signed in there.
  const context = await browser.newContext();
  const page = await context.newPage();
  await startOAuth(page, `@${USER}:${tb.serverName}`);
  await signInAt(page, USER);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("alert").filter({ hasText: "can_request_admin" })).toBeVisible();
  await expect(page.getByTestId("header-user")).toHaveCount(0);
  await context.close();
});

test("an OAuth answer that this browser did not start is refused", async ({ page }) => {
  await page.goto("/login/oauth/callback?state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&code=forged");
  await expect(page.getByRole("alert").filter({ hasText: "did not match a sign-in started in this browser" })).toBeVisible();
  await expect(page.getByTestId("header-user")).toHaveCount(0);
});
