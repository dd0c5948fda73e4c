/**
 * The Server section as an admin uses it, each step checked on the real Synapse through its API: hand out a
 * registration token (bad input refused, a new user registers with it and the list counts it), see a failing
 * federation destination and reset it, pause/resume background updates and start a job, find a room's
 * scheduled tasks, and read the dashboard's health figures.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { adminToken, api, createUser, randomSuffix, signInWithPassword } from "./fixtures";
import { makeFailingDestination, registerWithToken, UNREACHABLE_SERVER } from "./server-fixtures";
import { noticesReceived } from "./notice-fixtures";

type RawToken = { token: string; uses_allowed: number | null; completed: number; expiry_time: number | null };

async function signInAsNewAdmin(page: Page): Promise<string> {
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`serveradmin-${randomSuffix()}`, password, { admin: true });
  await signInWithPassword(page, admin, password);
  return admin;
}

const tokenPath = (t: string) => `/_synapse/admin/v1/registration_tokens/${encodeURIComponent(t)}`;

test("registration tokens: bad input is refused, a token is created, used to register, and edited", async ({ page }) => {
  const token = await adminToken();
  const name = `e2e.tok~${randomSuffix()}`;
  await signInAsNewAdmin(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Server" }).click();
  await expect(page.getByRole("heading", { name: "Registration tokens" })).toBeVisible();
  await page.getByText("New registration token").click();
  const form = page.getByRole("form", { name: "New registration token" });

  await test.step("bad input gets a message and sends nothing", async () => {
    await form.getByLabel("Token (leave empty to generate one)").fill("has space!");
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByText("A token may only contain letters A–Z and a–z, digits and . _ ~ -").first()).toBeVisible();
    await form.getByLabel("Token (leave empty to generate one)").fill(name);
    await form.getByLabel("Uses allowed (empty for unlimited)").fill("-1");
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByText(/Uses allowed must be a whole number/).first()).toBeVisible();
    await form.getByLabel("Uses allowed (empty for unlimited)").fill("2");
    await form.getByLabel(/^Expires/).fill("2020-01-01T10:00");
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByText("The expiry must be in the future.").first()).toBeVisible();
    expect((await api(tokenPath(name), { token })).status).toBe(404);
  });

  await test.step("a valid token is created with its expiry in the admin's time zone", async () => {
    const local = "2099-06-15T09:30";
    await form.getByLabel(/^Expires/).fill(local);
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByText(`Created the token ${name}.`)).toBeVisible();
    const expected = await page.evaluate((v) => new Date(v).getTime(), local);
    const got = await api<RawToken>(tokenPath(name), { token });
    expect(got.body).toMatchObject({ token: name, uses_allowed: 2, completed: 0, expiry_time: expected });
    const row = page.getByTestId("token-row").filter({ hasText: name });
    await expect(row.getByTestId("token-uses-allowed")).toHaveText("2");
    await expect(row.getByTestId("token-state")).toHaveText("Valid");
  });

  await test.step("a new user registers with it through the client API; the completed count goes up", async () => {
    const r = await registerWithToken(`e2e-reg-${randomSuffix()}`, `pw-${randomSuffix()}-${randomSuffix()}`, name);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await page.reload();
    const row = page.getByTestId("token-row").filter({ hasText: name });
    await expect(row.getByTestId("token-completed")).toHaveText("1");
  });

  await test.step("edit: more uses, no expiry; the filters follow its state", async () => {
    const row = page.getByTestId("token-row").filter({ hasText: name });
    await row.getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: `Edit token ${name}` });
    await dialog.getByLabel("Uses allowed (empty for unlimited)").fill("1");
    await dialog.getByRole("button", { name: "Save token" }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await api<RawToken>(tokenPath(name), { token })).body.uses_allowed).toBe(1);
    await page.goto("/server/registration-tokens?state=used-up");
    await expect(page.getByTestId("token-row").filter({ hasText: name }).getByTestId("token-state")).toHaveText("Used up");
    await page.goto("/server/registration-tokens?state=valid");
    await expect(page.getByTestId("token-row").filter({ hasText: name })).toHaveCount(0);
  });

  await api(tokenPath(name), { method: "DELETE", token });
});

test("registration tokens: a generated token, and deleting tokens", async ({ page }) => {
  const token = await adminToken();
  const typed = `e2e-del-${randomSuffix()}`;
  expect((await api("/_synapse/admin/v1/registration_tokens/new", { method: "POST", token, body: { token: typed } })).status).toBe(200);
  await signInAsNewAdmin(page);
  await page.goto("/server/registration-tokens");
  await page.getByText("New registration token").click();
  const form = page.getByRole("form", { name: "New registration token" });
  await form.getByRole("button", { name: "Create token" }).click();
  const created = form.getByText(/^Created the token (.+)\.$/);
  await expect(created).toBeVisible();
  const generated = /^Created the token (.+)\.$/.exec((await created.textContent()) ?? "")![1];
  expect((await api(tokenPath(generated), { token })).status).toBe(200);
  for (const t of [typed, generated]) {
    const row = page.getByTestId("token-row").filter({ hasText: t });
    await row.getByRole("button", { name: "Delete" }).click();
    await row.getByRole("button", { name: "Delete token" }).click();
    await expect(row).toHaveCount(0);
    expect((await api(tokenPath(t), { token })).status).toBe(404);
  }
});

test("federation: a failing destination is listed first, shows its detail, and is reset", async ({ page }) => {
  const token = await adminToken();
  await makeFailingDestination(token);
  await signInAsNewAdmin(page);
  await page.goto("/server");
  await page.getByRole("navigation", { name: "Server" }).getByRole("link", { name: "Federation" }).click();

  await test.step("search finds it; failing servers come first", async () => {
    await expect(page.getByTestId("destination-row").first()).toHaveAttribute("data-destination", UNREACHABLE_SERVER);
    await page.getByLabel("Server name contains").fill("0.0.1:9");
    await page.getByLabel("Sort by").selectOption("retry_interval");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=0\.0\.1%3A9/);
    const row = page.getByTestId("destination-row");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("destination-state")).toHaveText("Failing");
    await expect(row.getByTestId("destination-retry-interval")).not.toHaveText("—");
    await row.getByRole("link", { name: UNREACHABLE_SERVER }).click();
  });

  await test.step("the detail shows the back-off and the rooms shared with it", async () => {
    await expect(page.getByRole("heading", { name: UNREACHABLE_SERVER })).toBeVisible();
    await expect(page.getByTestId("destination-detail-state")).toHaveText("Failing: Synapse is backing off");
    const rooms = await api<{ total: number }>(`/_synapse/admin/v1/federation/destinations/${encodeURIComponent(UNREACHABLE_SERVER)}/rooms`, { token });
    await expect(page.getByTestId("destination-rooms-summary")).toHaveText(`${rooms.body.total} ${rooms.body.total === 1 ? "room" : "rooms"}`);
  });

  await test.step("reset connection clears the retry timings in Synapse", async () => {
    await page.getByRole("button", { name: "Reset connection" }).click();
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(page.getByText("The retry timings were cleared; Synapse retries this server now.")).toBeVisible();
    const d = await api<{ failure_ts: number | null; retry_interval: number }>(`/_synapse/admin/v1/federation/destinations/${encodeURIComponent(UNREACHABLE_SERVER)}`, { token });
    expect(d.body).toMatchObject({ failure_ts: null, retry_interval: 0 });
    await expect(page.getByTestId("destination-detail-state")).toHaveText("OK");
  });
});

test("background updates: pause, resume, and a job started after its cost is shown", async ({ page }) => {
  const token = await adminToken();
  const enabled = async () => (await api<{ enabled: boolean }>("/_synapse/admin/v1/background_updates/enabled", { token })).body.enabled;
  await signInAsNewAdmin(page);
  await page.goto("/server/background-updates");
  await expect(page.getByTestId("background-enabled")).toHaveText("Background updates are running.");

  await test.step("pause, then start a job: it waits in Synapse's queue", async () => {
    await page.getByRole("button", { name: "Pause background updates" }).click();
    await expect(page.getByText("Background updates paused (until Synapse restarts).")).toBeVisible();
    expect(await enabled()).toBe(false);
    await page.getByRole("button", { name: "Rebuild the user directory" }).click();
    const dialog = page.getByRole("dialog", { name: "Rebuild the user directory?" });
    await expect(dialog).toContainText("user search returns incomplete results");
    await dialog.getByRole("button", { name: "Start" }).click();
    await expect(page.getByText("Started: rebuild the user directory.")).toBeVisible();
    const again = await api("/_synapse/admin/v1/background_updates/start_job", { method: "POST", token, body: { job_name: "regenerate_directory" } });
    expect(again.status).toBe(400); // already queued: the portal's start reached Synapse
  });

  await test.step("resume", async () => {
    await page.getByRole("button", { name: "Resume background updates" }).click();
    await expect(page.getByText("Background updates resumed.")).toBeVisible();
    expect(await enabled()).toBe(true);
  });
});

test("scheduled tasks: a room's purge is listed, filtered, linked to the room, and on the room's page", async ({ page }) => {
  const token = await adminToken();
  const room = await api<{ room_id: string }>("/_matrix/client/v3/createRoom", { method: "POST", token, body: { name: `e2e tasks ${randomSuffix()}` } });
  const roomId = room.body.room_id;
  await api(`/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/t${randomSuffix()}`, { method: "PUT", token, body: { msgtype: "m.text", body: "old" } });
  const purge = await api<{ purge_id: string }>(`/_synapse/admin/v1/purge_history/${encodeURIComponent(roomId)}`, { method: "POST", token, body: { purge_up_to_ts: Date.now() } });
  expect(purge.status).toBe(200);
  await signInAsNewAdmin(page);
  await page.goto("/server/scheduled-tasks");

  await test.step("filter by resource and action", async () => {
    await page.getByLabel("Resource ID (room or user)").fill(roomId);
    await page.getByLabel("Action").selectOption("purge_history");
    await page.getByRole("button", { name: "Filter" }).click();
    const row = page.getByTestId("task-row");
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute("data-task-id", purge.body.purge_id);
    await page.getByLabel("Action").selectOption("redact_all_events");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("task-row")).toHaveCount(0);
  });

  await test.step("the task links to its room, whose tab lists it", async () => {
    await page.goto(`/server/scheduled-tasks?resource=${encodeURIComponent(roomId)}`);
    await page.getByTestId("task-row").getByRole("link", { name: roomId }).click();
    await page.getByRole("navigation", { name: "Room" }).getByRole("link", { name: "Scheduled tasks" }).click();
    await expect(page.getByTestId("room-task-row")).toHaveCount(1);
    await expect(page.getByTestId("room-task-row")).toContainText("purge_history");
  });
});

test("dashboard: active users, failing destinations, background updates and registrations, each linked; Refresh counts again", async ({ page }) => {
  const token = await adminToken();
  await makeFailingDestination(token);
  const admin = await signInAsNewAdmin(page);
  const dests = await api<{ destinations: { failure_ts: number | null }[] }>("/_synapse/admin/v1/federation/destinations?limit=1000", { token });
  await expect(page.getByTestId("stat-failing-destinations")).toHaveAttribute("data-raw", String(dests.body.destinations.filter((d) => d.failure_ts !== null).length));
  await expect(page.getByTestId("stat-background-updates")).toHaveAttribute("data-raw", /^\d+$/);

  // The user activity comes from a stored snapshot (a job reads the whole user list): the first view may
  // have to wait for one ("being computed…"), and the page shows it when it lands.
  const users = page.getByRole("region", { name: "User activity" });
  const asOf = page.getByTestId("activity-as-of");
  await expect(asOf).toBeVisible();
  await expect(users.getByText("Refreshing…")).toHaveCount(0);
  const oldAsOf = await asOf.getAttribute("data-as-of");

  const listUsers = () => api<{ users: { creation_ts: number; last_seen_ts: number | null }[] }>("/_synapse/admin/v3/users?limit=100000&locked=true", { token });
  const month = new Date().toISOString().slice(0, 7);
  // Synapse writes last_seen in batches a few seconds late, so "active" may grow while the job reads: its
  // figure lies between Synapse's count before Refresh and after the new snapshot is shown.
  const active30 = (list: Awaited<ReturnType<typeof listUsers>>, now: number) =>
    list.body.users.filter((u) => u.last_seen_ts !== null && u.last_seen_ts >= now - 30 * 86_400_000).length;
  const registered = (list: Awaited<ReturnType<typeof listUsers>>) => list.body.users.filter((u) => new Date(u.creation_ts).toISOString().slice(0, 7) === month).length;
  const before = await listUsers();

  await test.step("Refresh counts again: a new 'as of', figures bracketed by Synapse's", async () => {
    await users.getByRole("button", { name: "Refresh" }).click();
    await expect(users.getByText("Counting again…")).toBeVisible();
    await expect(asOf).not.toHaveAttribute("data-as-of", oldAsOf!);
    await expect(users.getByText("Refreshing…")).toHaveCount(0);
    const after = await listUsers();
    const computedAt = Date.parse((await asOf.getAttribute("data-as-of"))!);
    expect(computedAt).toBeGreaterThan(Date.parse(oldAsOf!));
    const shown = Number(await page.getByTestId("stat-active-30d").getAttribute("data-raw"));
    // last_seen only grows: whoever the list before counts for the job's window, the job counts too.
    expect(shown).toBeGreaterThanOrEqual(active30(before, computedAt));
    expect(shown).toBeLessThanOrEqual(active30(after, computedAt));
    await page.getByText("Numbers").click();
    const count = Number((await page.getByTestId("registrations-table").locator(`tr[data-month="${month}"]`).getByTestId("registrations-count").textContent())!.replace(/,/g, ""));
    expect(count).toBeGreaterThanOrEqual(registered(before));
    expect(count).toBeLessThanOrEqual(registered(after));
    await expect(page.getByTestId("registrations-svg").locator("rect")).toHaveCount(12);
  });

  await test.step("the Refresh is in the audit log", async () => {
    await page.goto(`/audit?actor=${encodeURIComponent(admin)}&action=dashboard.refresh-activity`);
    await expect(page.getByTestId("audit-row")).toHaveCount(1);
    await expect(page.getByTestId("audit-row")).toContainText("ok");
  });

  await page.goto("/");
  await page.getByTestId("stat-failing-destinations").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Federation destinations" })).toBeVisible();
});

test("a server notice to one user arrives once in their Server Notices room", async ({ page }) => {
  const user = await createUser(`e2e-notice-${randomSuffix()}`, `pw-${randomSuffix()}`);
  await signInAsNewAdmin(page);
  await page.goto(`/users/${encodeURIComponent(user)}`);
  await page.getByRole("button", { name: "Send server notice…" }).click();
  const dialog = page.getByRole("dialog", { name: `Server notice to ${user}` });
  await dialog.getByRole("button", { name: "Send notice" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Write the notice first.");
  expect(await noticesReceived(user)).toEqual([]);
  await dialog.getByLabel("Notice text").fill("Maintenance tonight");
  await dialog.getByRole("button", { name: "Send notice" }).click();
  await expect(dialog.getByText("The notice was sent.")).toBeVisible();
  expect(await noticesReceived(user)).toEqual(["Maintenance tonight"]);
});
