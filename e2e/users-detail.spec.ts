/**
 * A support case on one user: what their devices, connections, rooms, pushers, uploads and account data
 * are, removing a device, and changing their rate-limit override and experimental features.
 */
import { expect, test } from "./test";
import { adminToken, api, createUser, loadTestbed, passwordLogin, randomSuffix } from "./fixtures";
import { signInAsNewAdmin, userHref, whoami } from "./users-helpers";

test("the user's detail tabs show Synapse's data and change it", async ({ page }) => {
  const p = `ud${randomSuffix()}`;
  const userId = await createUser(`${p}-carol`, "carol-password");
  const [t1, t2] = [await passwordLogin(userId, "carol-password"), await passwordLogin(userId, "carol-password")];
  await whoami(t1);
  await whoami(t2);
  const room = await api<{ room_id: string }>("/_matrix/client/v3/createRoom", {
    method: "POST",
    token: await adminToken(),
    body: { preset: "public_chat", name: `Room ${p}` },
  });
  expect((await api(`/_matrix/client/v3/join/${encodeURIComponent(room.body.room_id)}`, { method: "POST", token: t1, body: {} })).status).toBe(200);
  expect(
    (
      await api("/_matrix/client/v3/pushers/set", {
        method: "POST",
        token: t1,
        body: {
          kind: "http",
          app_id: "org.example.app",
          app_display_name: "Example App",
          device_display_name: "Carol's phone",
          pushkey: `pk-${p}`,
          lang: "en",
          data: { url: "https://push.example.org/_matrix/push/v1/notify" },
        },
      })
    ).status,
  ).toBe(200);
  await api(`/_matrix/client/v3/user/${encodeURIComponent(userId)}/account_data/org.example.${p}`, { method: "PUT", token: t1, body: { hello: "world" } });
  const upload = await fetch(`${loadTestbed().baseUrl}/_matrix/media/v3/upload?filename=n.txt`, {
    method: "POST",
    headers: { authorization: `Bearer ${t1}`, "content-type": "text/plain" },
    body: "twelve bytes",
  });
  expect(upload.status).toBe(200);

  await signInAsNewAdmin(page, "usersdetail");
  await page.goto(userHref(userId));
  const tabs = page.getByRole("navigation", { name: "User sections" });

  await test.step("devices: two sessions; deleting the selected one ends it", async () => {
    await tabs.getByRole("link", { name: "Devices" }).click();
    await expect(page).toHaveURL(/tab=devices/);
    const rows = page.getByTestId("device-row");
    await expect(rows).toHaveCount(2);
    const device = (await api<{ device_id: string }>("/_matrix/client/v3/account/whoami", { token: t2 })).body.device_id;
    await page.getByLabel(`Select device ${device}`).check();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete selected (1)" }).click();
    await expect(rows).toHaveCount(1);
    expect((await whoami(t2)).status).toBe(401);
    expect((await whoami(t1)).status).toBe(200);
  });

  await test.step("connections, joined rooms (linking to the room), memberships, pushers", async () => {
    await tabs.getByRole("link", { name: "Connections" }).click();
    await expect(page.getByTestId("connection-row").first()).toContainText("127.0.0.1");
    await tabs.getByRole("link", { name: "Joined rooms" }).click();
    const roomLink = page.getByRole("link", { name: room.body.room_id });
    await expect(roomLink).toHaveAttribute("href", `/rooms/${encodeURIComponent(room.body.room_id)}`);
    await expect(page.getByTestId("room-row")).toContainText(`Room ${p}`);
    await tabs.getByRole("link", { name: "Memberships" }).click();
    await expect(page.getByTestId("membership-row").filter({ hasText: room.body.room_id })).toContainText("join");
    await tabs.getByRole("link", { name: "Pushers" }).click();
    await expect(page.getByTestId("pusher-row")).toContainText(`pk-${p}`);
    await expect(page.getByTestId("pusher-row")).toContainText("Example App");
  });

  await test.step("media summary links to the media section; account data is shown read-only", async () => {
    await tabs.getByRole("link", { name: "Media" }).click();
    await expect(page.getByTestId("media-summary")).toHaveText("1 file, 12 B uploaded by this user.");
    await expect(page.getByRole("link", { name: "Manage this user's media" })).toHaveAttribute("href", `/media/users/${encodeURIComponent(userId)}`);
    await tabs.getByRole("link", { name: "Account data" }).click();
    await page.getByText(`org.example.${p}`).click();
    await expect(page.getByText('"hello": "world"')).toBeVisible();
  });

  await test.step("rate-limit override: set, then remove", async () => {
    await tabs.getByRole("link", { name: "Rate limit" }).click();
    const form = page.getByRole("form", { name: "Rate-limit override" });
    await expect(form.getByTestId("ratelimit-current")).toContainText("No override");
    await form.getByLabel("Messages per second").fill("-1");
    await form.getByRole("button", { name: "Save override" }).click();
    await expect(form.getByRole("alert")).toHaveText("0 or more (0 means no limit).");
    await form.getByLabel("Messages per second").fill("5");
    await form.getByLabel("Burst count").fill("10");
    await form.getByRole("button", { name: "Save override" }).click();
    await expect(form.getByTestId("ratelimit-current")).toContainText("5 messages per second, bursts of 10");
    const path = `/_synapse/admin/v1/users/${encodeURIComponent(userId)}/override_ratelimit`;
    expect((await api(path, { token: await adminToken() })).body).toEqual({ messages_per_second: 5, burst_count: 10 });
    await form.getByRole("button", { name: "Remove override" }).click();
    await expect(form.getByTestId("ratelimit-current")).toContainText("No override");
    expect((await api(path, { token: await adminToken() })).body).toEqual({});
  });

  await test.step("experimental features", async () => {
    await tabs.getByRole("link", { name: "Experimental features" }).click();
    const form = page.getByRole("form", { name: "Experimental features" });
    await form.getByLabel(/MSC3881/).check();
    await form.getByRole("button", { name: "Save features" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.");
    const r = await api<{ features: Record<string, boolean> }>(`/_synapse/admin/v1/experimental_features/${encodeURIComponent(userId)}`, { token: await adminToken() });
    expect(r.body.features.msc3881).toBe(true);
  });
});
