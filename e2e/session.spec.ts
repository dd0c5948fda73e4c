/**
 * The session: sealed httpOnly cookie, no token anywhere the browser can read it, logout revokes,
 * a token killed behind the portal's back ends the session, and the SSO return leg signs in.
 */
import { expect, test } from "./test";
import { adminToken, api, createUser, loadTestbed, passwordLogin, randomSuffix, signInWithPassword, signInWithToken, whoamiStatus } from "./fixtures";

async function freshAdmin(): Promise<{ userId: string; password: string }> {
  const password = `pw-${randomSuffix()}`;
  return { userId: await createUser(`sess-${randomSuffix()}`, password, { admin: true }), password };
}

test("the cookie is sealed and httpOnly, and the token never reaches the browser", async ({ page, context }) => {
  const admin = await freshAdmin();
  const token = await passwordLogin(admin.userId, admin.password);
  const bodies: { url: string; body: string }[] = [];
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (/html|javascript|json|text|x-component/.test(type)) bodies.push({ url: res.url(), body: await res.text().catch(() => "") });
  });

  await signInWithToken(page, token);
  for (const path of ["/", "/audit", "/users", "/rooms"]) {
    await page.goto(path);
    await expect(page.getByTestId("header-user")).toHaveText(admin.userId);
  }
  const html = await page.content();
  expect(html).not.toContain(token);
  expect(await page.evaluate(() => document.cookie)).toBe("");

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "portal_session");
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.value).not.toContain(token);

  expect(bodies.length).toBeGreaterThan(5);
  expect(bodies.some((b) => b.url.includes("/_next/static/") && b.url.endsWith(".js"))).toBe(true);
  for (const b of bodies) expect(b.body, `token leaked in ${b.url}`).not.toContain(token);
});

test("security headers: strict CSP with a nonce, no framing, no referrer", async ({ page }) => {
  const res = await page.goto("/login");
  const h = res!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).not.toContain("unsafe-inline' 'strict");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["x-frame-options"]).toBe("DENY");
  // The page still works under that policy: the client-side form validation runs.
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter your Matrix ID, for example @alice:example.org.")).toBeVisible();
});

test("sign out revokes the token on Synapse", async ({ page }) => {
  const admin = await freshAdmin();
  const token = await passwordLogin(admin.userId, admin.password);
  await signInWithToken(page, token);
  expect(await whoamiStatus(token)).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out/);
  await expect(page.getByText("The portal's access token was revoked on the homeserver.")).toBeVisible();
  expect(await whoamiStatus(token)).toBe(401);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a password sign-in's own token is revoked by sign out", async ({ page }) => {
  const admin = await freshAdmin();
  await signInWithPassword(page, admin.userId, admin.password);
  const devices = async () =>
    (await api<{ devices: { display_name: string }[] }>(`/_synapse/admin/v2/users/${encodeURIComponent(admin.userId)}/devices`, {
      token: await adminToken(),
    })).body.devices.filter((d) => d.display_name === "Synapse Admin Portal");
  expect(await devices()).toHaveLength(1);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out/);
  expect(await devices()).toHaveLength(0);
});

test("a token logged out behind the portal's back sends the admin to login with a message", async ({ page }) => {
  const admin = await freshAdmin();
  const token = await passwordLogin(admin.userId, admin.password);
  await signInWithToken(page, token);
  await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
  await page.getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/login\?reason=session-ended/);
  await expect(page.getByText("Your session ended")).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "portal_session")).toBeUndefined();
});

test("SSO return leg: the portal exchanges Synapse's loginToken (issued via login/get_token)", async ({ page }) => {
  // The test Synapse has no identity provider; the loginToken comes from an existing session instead,
  // which is the same m.login.token exchange the SSO callback performs.
  const tb = loadTestbed();
  const admin = await freshAdmin();
  const start = await page.request.get(`/login/sso/start?hs=${encodeURIComponent(tb.baseUrl)}`, { maxRedirects: 0 });
  expect(start.status()).toBe(303);
  const toSynapse = new URL(start.headers()["location"]);
  expect(toSynapse.origin + toSynapse.pathname).toBe(`${tb.baseUrl}/_matrix/client/v3/login/sso/redirect`);
  const callback = new URL(toSynapse.searchParams.get("redirectUrl")!);
  expect(callback.pathname).toBe("/login/sso/callback");

  const userToken = await passwordLogin(admin.userId, admin.password);
  const issued = await api<{ login_token: string }>("/_matrix/client/v1/login/get_token", { method: "POST", token: userToken, body: {} });
  expect(issued.status).toBe(200);
  callback.searchParams.set("loginToken", issued.body.login_token);
  await page.goto(callback.toString());
  await expect(page.getByTestId("header-user")).toHaveText(admin.userId);
  expect(page.url()).not.toContain("loginToken");

  // A callback that this browser did not start is refused.
  await page.getByRole("button", { name: "Sign out" }).click();
  const again = await api<{ login_token: string }>("/_matrix/client/v1/login/get_token", { method: "POST", token: userToken, body: {} });
  await page.goto(`/login/sso/callback?state=forged&loginToken=${again.body.login_token}`);
  await expect(page.getByText(/did not match a sign-in started in this browser/)).toBeVisible();
});

