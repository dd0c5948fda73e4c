/**
 * After a spam wave, as a moderator would: the spammers are reported by a user, the moderator redacts one
 * spammer's events from the user page (an empty room choice is refused first), then goes from the reported
 * users to one spam clean-up of all of them: preview (rooms, files; events unknown until run), run, watch
 * the job end. Synapse's API shows the effect: events redacted, files gone, rooms left, accounts deactivated.
 */
import { expect, test } from "./test";
import { adminToken, api, randomSuffix } from "./fixtures";
import { createMember, joinRoom, seedRoom, sendText } from "./rooms-fixtures";
import { upload } from "./media-fixtures";
import { signInAsNewAdmin, userHref, userPath } from "./users-helpers";

const enc = encodeURIComponent;
type Ev = { type: string; sender: string; content: { body?: string } };
const bodiesOf = async (roomId: string, sender: string) =>
  (await api<{ chunk: Ev[] }>(`/_synapse/admin/v1/rooms/${enc(roomId)}/messages?dir=f&limit=200`, { token: await adminToken() })).body.chunk
    .filter((e) => e.type === "m.room.message" && e.sender === sender)
    .map((e) => e.content.body ?? null);

test("one spammer's events are redacted from the user page; an empty room choice is refused", async ({ page }) => {
  const spammer = await createMember(`e2e-redact-${randomSuffix()}`);
  const a = await seedRoom(spammer, `e2e-redact-a-${randomSuffix()}`, { messages: ["spam in a"] });
  const b = await seedRoom(spammer, `e2e-redact-b-${randomSuffix()}`, { messages: ["spam in b"] });
  await signInAsNewAdmin(page, "redact");
  await page.goto(`${userHref(spammer.userId)}?tab=moderation`);
  const form = page.getByRole("region", { name: "Redact events" });

  await test.step("chosen rooms with none ticked: a message, nothing sent", async () => {
    await form.getByLabel("Only in the rooms chosen below").check();
    await form.getByRole("button", { name: "Redact events" }).click();
    await form.getByRole("button", { name: "Redact", exact: true }).click();
    await expect(form.getByRole("alert")).toHaveText("Choose at least one room, or redact in all rooms.");
    const tasks = await api<{ scheduled_tasks: unknown[] }>(`/_synapse/admin/v1/scheduled_tasks?action_name=redact_all_events&resource_id=${enc(spammer.userId)}`, { token: await adminToken() });
    expect(tasks.body.scheduled_tasks).toEqual([]);
  });

  await test.step("in one chosen room: the job completes, that room's events are redacted, the other's are not", async () => {
    await form.getByRole("checkbox", { name: new RegExp(`Redact in e2e-redact-a`) }).check();
    await form.getByRole("button", { name: "Redact events" }).click();
    await form.getByRole("button", { name: "Redact", exact: true }).click();
    await expect(form.getByTestId("job-status")).toHaveText("Completed", { timeout: 30_000 });
    expect(await bodiesOf(a, spammer.userId)).toEqual([null]);
    expect(await bodiesOf(b, spammer.userId)).toEqual(["spam in b"]);
  });
});

test("reported spammers are cleaned up in one job: preview, run, progress, effect in Synapse", async ({ page }) => {
  const host = await createMember(`e2e-host-${randomSuffix()}`);
  const lobby = await seedRoom(host, `e2e-lobby-${randomSuffix()}`, { messages: ["welcome all"] });
  const spammers: { userId: string; token: string }[] = [];
  for (let i = 0; i < 2; i++) {
    const s = await createMember(`e2e-wave-${randomSuffix()}`);
    await joinRoom(s.token, lobby);
    await sendText(s.token, lobby, `cheap pills ${i}`);
    await upload(s.token, Buffer.from(`spam ${i}`), "text/plain", "pills.txt");
    expect((await api(`/_matrix/client/v3/users/${enc(s.userId)}/report`, { method: "POST", token: host.token, body: { reason: "spam wave" } })).status).toBe(200);
    spammers.push(s);
  }
  await signInAsNewAdmin(page, "cleanup");
  const token = await adminToken();

  await test.step("from the reported users, to the clean-up with both spammers filled in", async () => {
    await page.goto(`/reports/users?reporter=${enc(host.userId)}`);
    await expect(page.getByTestId("user-report-row")).toHaveCount(2);
    await page.getByTestId("cleanup-reported").click();
    await expect(page.getByRole("heading", { name: "Spam clean-up" })).toBeVisible();
    const ids = await page.getByLabel("User IDs (one per line)").inputValue();
    expect(ids.split("\n").sort()).toEqual(spammers.map((s) => s.userId).sort());
  });

  await test.step("the preview counts rooms and files and says events are unknown until run", async () => {
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("cleanup-preview-summary")).toContainText("2 users, in 2 rooms, with 2 files");
    await expect(page.getByTestId("cleanup-preview-summary")).toContainText("Events: unknown until run");
    expect((await api(userPath(spammers[0].userId), { token })).body.deactivated).toBe(false);
  });

  await test.step("the job runs every step for both and ends completed", async () => {
    await page.getByRole("button", { name: "Clean up 2 users" }).click();
    await expect(page.getByTestId("job-status")).toHaveText("Completed", { timeout: 45_000 });
    await expect(page.getByTestId("job-progress")).toContainText("8 of 8 steps done");
    await page.getByRole("link", { name: "Open the job page (each step's result)" }).click();
    await expect(page.getByTestId("job-item")).toHaveCount(8);
    await expect(page.locator('[data-testid="job-item"][data-status="ok"]')).toHaveCount(8);
    await expect(page.getByTestId("job-item").filter({ hasText: spammers[0].userId }).filter({ hasText: "delete files" })).toContainText("1 file deleted.");
  });

  await test.step("Synapse shows the effect", async () => {
    for (const s of spammers) {
      expect(await bodiesOf(lobby, s.userId)).toEqual([null]);
      expect((await api<{ total: number }>(`/_synapse/admin/v1/users/${enc(s.userId)}/media`, { token })).body.total).toBe(0);
      expect((await api<{ joined_rooms: string[] }>(`/_synapse/admin/v1/users/${enc(s.userId)}/joined_rooms`, { token })).body.joined_rooms).toEqual([]);
      expect((await api<{ deactivated: boolean }>(userPath(s.userId), { token })).body.deactivated).toBe(true);
    }
    expect(await bodiesOf(lobby, host.userId)).toEqual(["welcome all"]);
  });
});

test("bad clean-up input gets a message and changes nothing", async ({ page }) => {
  const admin = await signInAsNewAdmin(page, "cleanbad");
  const before = (await api<{ total: number }>(`/_synapse/admin/v1/scheduled_tasks?action_name=redact_all_events&resource_id=${enc(admin)}`, { token: await adminToken() })).body;
  await page.goto("/users/cleanup");
  const form = page.getByRole("region", { name: "Users to clean up" });
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByRole("alert")).toHaveText("Enter at least one user ID.");
  await form.getByLabel("User IDs (one per line)").fill(admin);
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByRole("alert")).toHaveText("You cannot clean up your own account.");
  await expect(page.getByRole("button", { name: /Clean up \d+ user/ })).toHaveCount(0);
  expect((await api(`/_synapse/admin/v1/scheduled_tasks?action_name=redact_all_events&resource_id=${enc(admin)}`, { token: await adminToken() })).body).toEqual(before);
  expect((await api<{ deactivated: boolean }>(userPath(admin), { token: await adminToken() })).body.deactivated).toBe(false);
});
