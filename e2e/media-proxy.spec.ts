/** Synapse's media is authenticated: the portal serves it to the browser with the admin's token. */
import { expect, test } from "./test";
import { createUser, loadTestbed, passwordLogin, randomSuffix, signInWithPassword } from "./fixtures";

test("a file uploaded to Synapse is served through the portal to a signed-in admin only", async ({ page, browser }) => {
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`mediaadmin-${randomSuffix()}`, password, { admin: true });
  const token = await passwordLogin(admin, password);
  const content = `portal media proxy ${randomSuffix()}`;
  const upload = await fetch(`${loadTestbed().baseUrl}/_matrix/media/v3/upload?filename=note.txt`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
    body: content,
  });
  const { content_uri } = (await upload.json()) as { content_uri: string };
  const [server, mediaId] = content_uri.replace("mxc://", "").split("/");
  const path = `/api/media/${encodeURIComponent(server)}/${encodeURIComponent(mediaId)}`;

  await signInWithPassword(page, admin, password);
  const res = await page.request.get(path);
  expect(res.status()).toBe(200);
  expect(await res.text()).toBe(content);
  expect(res.headers()["content-disposition"]).toContain("attachment");
  expect(res.headers()["content-security-policy"]).toContain("sandbox");
  expect((await page.request.get(`/api/media/${encodeURIComponent(server)}/doesnotexist`)).status()).toBe(404);

  const stranger = await browser.newContext();
  const anonymous = await stranger.request.get(`${test.info().project.use.baseURL}${path}`, { maxRedirects: 0 });
  expect(anonymous.status()).toBeGreaterThanOrEqual(300);
  expect(anonymous.status()).toBeLessThan(400);
  expect(anonymous.headers()["location"]).toContain("/login");
  await stranger.close();
});
