/**
 * Reclaiming disk space, as an admin does it: media usage, a user's and a room's files (thumbnails,
 * protect, quarantine, delete selected, delete everything), the "Delete media" dialog with its preview,
 * the remote cache purge, and the purge history that records each of them. Effects are checked on Synapse.
 */
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { adminToken, api, createUser, randomSuffix, signInWithPassword } from "./fixtures";
import { createUserWithoutPassword, loginAs, mediaInfo, pngOfSize, setAvatar, textOfSize, upload, type Uploaded } from "./media-fixtures";

test.use({ timezoneId: "UTC" });

const MB = 1024 * 1024;

async function signInAsNewAdmin(page: Page): Promise<string> {
  const password = `pw-${randomSuffix()}`;
  const admin = await createUser(`media-admin-${randomSuffix()}`, password, { admin: true });
  await signInWithPassword(page, admin, password);
  return admin;
}

/** datetime-local value of a UTC time (the browser runs in UTC here). */
const localValue = (ms: number) => new Date(ms).toISOString().slice(0, 19);

test("a user's media: usage, thumbnails, protect, quarantine, delete selected, delete all", async ({ page }) => {
  const admin = await signInAsNewAdmin(page);
  const localpart = `media-u-${randomSuffix()}`;
  const user = await createUserWithoutPassword(localpart);
  const token = await loginAs(user);
  const avatar = await upload(token, pngOfSize(40_000), "image/png", "avatar.png");
  await setAvatar(token, user, avatar.mxc);
  const files: Uploaded[] = [avatar];
  for (const size of [10_000, 20_000, 30_000]) files.push(await upload(token, pngOfSize(size), "image/png", `p${size}.png`));
  files.push(await upload(token, textOfSize(5000), "text/plain", "notes.txt"));
  const total = files.reduce((s, f) => s + f.size, 0);

  await test.step("usage page: chart, server total, searchable per-user statistics", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Media" }).click();
    await expect(page.getByRole("heading", { name: "Media", exact: true })).toBeVisible();
    await expect(page.getByRole("figure", { name: /Top \d+ users by storage/ })).toBeVisible();
    expect(Number(await page.getByTestId("media-total-bytes").getAttribute("data-raw"))).toBeGreaterThanOrEqual(total);
    await page.getByLabel("Search users").fill(localpart);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${localpart}`));
    const row = page.getByTestId("usage-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("5");
    await expect(row.locator("td").nth(3)).toHaveAttribute("data-raw", String(total));
    await row.getByRole("link", { name: user }).click();
  });

  const rowOf = (f: Uploaded) => page.locator(`[data-testid="media-row"][data-media-id="${f.mediaId}"]`);
  await test.step("the user's files with thumbnails served through the portal", async () => {
    await expect(page.getByRole("heading", { name: `Media of ${user}` })).toBeVisible();
    await expect(page.getByTestId("media-row")).toHaveCount(5);
    const thumb = rowOf(files[1]).getByRole("img");
    await expect(thumb).toBeVisible();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.getByRole("link", { name: "Size" }).click();
    await expect(page).toHaveURL(/sort=media_length&dir=desc/);
    await expect(page.getByTestId("media-row").first()).toHaveAttribute("data-media-id", avatar.mediaId);
  });

  await test.step("protect and quarantine toggle on Synapse", async () => {
    await rowOf(files[1]).getByRole("button", { name: `Protect ${files[1].mediaId}` }).click();
    await expect(rowOf(files[1])).toContainText("protected");
    expect((await mediaInfo(files[1]))?.safe_from_quarantine).toBeTruthy();
    await expect(rowOf(files[1]).getByRole("button", { name: `Quarantine ${files[1].mediaId}` })).toBeDisabled();
    await rowOf(files[1]).getByRole("button", { name: `Unprotect ${files[1].mediaId}` }).click();
    await expect(rowOf(files[1])).not.toContainText("protected");
    expect((await mediaInfo(files[1]))?.safe_from_quarantine).toBeFalsy();

    await rowOf(files[2]).getByRole("button", { name: `Quarantine ${files[2].mediaId}` }).click();
    await expect(rowOf(files[2])).toContainText("quarantined");
    expect((await mediaInfo(files[2]))?.quarantined_by).toBe(admin);
    await rowOf(files[2]).getByRole("button", { name: `Unquarantine ${files[2].mediaId}` }).click();
    await expect(rowOf(files[2])).not.toContainText("quarantined");
    expect((await mediaInfo(files[2]))?.quarantined_by).toBeNull();
  });

  await test.step("delete two selected files", async () => {
    await page.getByLabel(`Select ${files[3].mediaId}`).check();
    await page.getByLabel(`Select ${files[4].mediaId}`).check();
    await page.getByRole("button", { name: "Delete selected (2)" }).click();
    await page.getByRole("dialog", { name: "Delete selected files" }).getByRole("button", { name: "Delete 2 files" }).click();
    await expect(page.getByRole("status")).toContainText(`Deleted 2 files`);
    await expect(page.getByTestId("media-row")).toHaveCount(3);
    expect(await mediaInfo(files[3])).toBeNull();
    expect(await mediaInfo(files[4])).toBeNull();
  });

  await test.step("delete all of this user's media", async () => {
    await page.getByRole("button", { name: "Delete all of this user's media…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete all of this user's media" });
    await dialog.getByRole("button", { name: "Delete all 3 files" }).click();
    await expect(dialog.getByTestId("job-result")).toContainText("Done: 3 files deleted");
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(page.getByTestId("user-media-total")).toHaveText("0 files");
    for (const f of files.slice(0, 3)) expect(await mediaInfo(f)).toBeNull();
  });

  await test.step("each action has a row in the purge history", async () => {
    await page.goto(`/jobs/purges?target=${encodeURIComponent(user)}`);
    const rows = page.getByTestId("purge-row");
    await expect(rows).toHaveCount(6);
    const kinds = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
    expect(kinds).toEqual([
      "media.delete-user-media",
      "media.delete-selected",
      "media.unquarantine",
      "media.quarantine",
      "media.unprotect",
      "media.protect",
    ]);
    await expect(rows.nth(0).getByTestId("purge-files")).toHaveText("3");
    await expect(rows.nth(0).getByTestId("purge-bytes")).toHaveAttribute("data-raw", String(files[0].size + files[1].size + files[2].size));
    await expect(rows.nth(1).getByTestId("purge-files")).toHaveText("2");
    await expect(rows.nth(1).getByTestId("purge-bytes")).toHaveAttribute("data-raw", String(files[3].size + files[4].size));
    for (let i = 0; i < 6; i++) await expect(rows.nth(i).getByTestId("purge-status")).toHaveText("ok");
  });
});

test("delete media by last access and size with a preview; remote purge; history, CSV and dashboard", async ({ page }) => {
  const admin = await signInAsNewAdmin(page);
  const [v1, v2] = await Promise.all([createUserWithoutPassword(`media-v1-${randomSuffix()}`), createUserWithoutPassword(`media-v2-${randomSuffix()}`)]);
  const [t1, t2] = await Promise.all([loginAs(v1), loginAs(v2)]);
  // Old files (uploaded before the cut-off, never opened since), then the cut-off, then new files.
  const avatar = await upload(t1, pngOfSize(2 * MB), "image/png", "avatar.png");
  await setAvatar(t1, v1, avatar.mxc);
  const oldBig1 = await upload(t1, pngOfSize(3 * MB), "image/png", "holiday.png");
  const oldSmall = await upload(t1, textOfSize(200_000), "text/plain", "small.txt");
  const oldBig2 = await upload(t2, textOfSize(2.5 * MB), "text/plain", "log.txt");
  const protectedOld = await upload(t2, textOfSize(2.2 * MB), "text/plain", "keep.txt");
  const token = await adminToken();
  expect((await api(`/_synapse/admin/v1/media/protect/${protectedOld.mediaId}`, { method: "POST", token })).status).toBe(200);
  const cutoff = Math.ceil((Date.now() + 1) / 1000) * 1000;
  await new Promise((r) => setTimeout(r, cutoff - Date.now() + 50));
  const newBig = await upload(t1, pngOfSize(2.1 * MB), "image/png", "new.png");

  await page.goto("/media");
  const dialog = page.getByRole("dialog", { name: "Delete media" });

  await test.step("bad input gets a message and nothing is sent", async () => {
    await page.getByRole("button", { name: "Delete old media…" }).click();
    // Server actions are POSTs to the page: none may leave the browser while the input is bad.
    const posts: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => r.method() === "POST" && posts.push(r.url());
    page.on("request", onRequest);
    const when = dialog.getByLabel("Last access before");
    const defaultValue = await when.inputValue();
    const ninetyDaysAgo = Date.now() - 90 * 86_400_000;
    expect(Math.abs(new Date(`${defaultValue}Z`).getTime() - ninetyDaysAgo)).toBeLessThan(5 * 60_000);
    await expect(dialog.getByLabel("Keep profile media (files used as user or room avatars)")).toBeChecked();

    await when.fill(localValue(Date.now() + 2 * 86_400_000));
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByText("The date is in the future: choose a date in the past.")).toBeVisible();
    await when.fill(localValue(cutoff));
    await dialog.getByLabel("Size").fill("-5");
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByText("The size cannot be negative.")).toBeVisible();
    await dialog.getByLabel("Size").fill("lots");
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByText('"lots" is not a number. Enter a size like 10 or 2.5.')).toBeVisible();
    await expect(dialog.getByTestId("preview-summary")).toHaveCount(0);
    page.off("request", onRequest);
    expect(posts).toEqual([]);
  });

  let previewFiles = 0;
  let previewBytes = 0;
  await test.step("the preview restates the filters and counts what matches", async () => {
    await dialog.getByLabel("Size").fill("1.5");
    await dialog.getByLabel("Unit").selectOption("MB");
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByTestId("preview-summary")).toBeVisible({ timeout: 30_000 });
    await expect(dialog).toContainText("larger than 1.50 MB");
    await expect(dialog).toContainText("keeping files used as avatars");
    await expect(dialog).toContainText(new Date(cutoff).toISOString().slice(0, 19).replace("T", " "));
    await expect(dialog).not.toContainText("This estimate is partial");
    previewFiles = Number(await dialog.getByTestId("preview-files").textContent());
    previewBytes = Number(await dialog.getByTestId("preview-bytes").getAttribute("data-raw"));
    // Deletion by date is server-wide: at least these two of this test's files match.
    expect(previewFiles).toBeGreaterThanOrEqual(2);
    expect(previewBytes).toBeGreaterThanOrEqual(oldBig1.size + oldBig2.size);
  });

  await test.step("deleting removes exactly what the preview counted and keeps the avatar", async () => {
    await dialog.getByRole("button", { name: new RegExp(`^Delete ${previewFiles} files?$`) }).click();
    await expect(dialog.getByTestId("job-result")).toContainText(`Done: ${previewFiles} ${previewFiles === 1 ? "file" : "files"} deleted`, { timeout: 30_000 });
    expect(await mediaInfo(oldBig1)).toBeNull();
    expect(await mediaInfo(oldBig2)).toBeNull();
    for (const kept of [avatar, oldSmall, protectedOld, newBig]) expect(await mediaInfo(kept)).not.toBeNull();
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
  });

  await test.step("Synapse's refusal of a 1970 date is shown as a sentence", async () => {
    await page.getByRole("button", { name: "Delete old media…" }).click();
    await dialog.getByLabel("Last access before").fill("1970-06-01T00:00:00");
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByTestId("preview-files")).toHaveText("0");
    await dialog.getByRole("button", { name: "Delete matching files" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Failed: Query parameter before_ts you provided is from the year 1970.");
    await expect(dialog.getByRole("alert")).not.toContainText("errcode");
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
  });

  await test.step("remote media cache purge", async () => {
    await page.getByRole("button", { name: "Purge remote media cache…" }).click();
    const purge = page.getByRole("dialog", { name: "Purge remote media cache" });
    await expect(purge).toContainText("fetches it again from its home server");
    const value = await purge.getByLabel("Last access before").inputValue();
    expect(Math.abs(new Date(`${value}Z`).getTime() - (Date.now() - 30 * 86_400_000))).toBeLessThan(5 * 60_000);
    await purge.getByRole("button", { name: "Purge" }).click();
    await expect(purge.getByTestId("job-result")).toContainText("Done: 0 files purged");
    await purge.getByRole("button", { name: "Close", exact: true }).click();
  });

  await test.step("purge history lists the three, filters them and exports CSV", async () => {
    await page.getByRole("link", { name: "Purge history" }).click();
    await page.getByLabel("Who").fill(admin);
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.getByTestId("purge-row");
    await expect(rows).toHaveCount(3);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")))).toEqual([
      "media.purge-remote-cache",
      "media.delete-by-date",
      "media.delete-by-date",
    ]);
    await expect(rows.nth(0).getByTestId("purge-status")).toHaveText("ok");
    await expect(rows.nth(1).getByTestId("purge-status")).toContainText("failed");
    await expect(rows.nth(1).getByTestId("purge-status")).toContainText("from the year 1970");
    await expect(rows.nth(2).getByTestId("purge-files")).toHaveText(String(previewFiles));
    await expect(rows.nth(2).getByTestId("purge-bytes")).toHaveAttribute("data-raw", String(previewBytes));
    await expect(rows.nth(2)).toContainText("larger than 1.50 MB");

    await page.getByLabel("Kind").selectOption("media.delete-by-date");
    await page.getByLabel("Outcome").selectOption("ok");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rows).toHaveCount(1);

    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const csv = await (await page.request.get(href!)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("id,started_at,finished_at,actor,homeserver,kind,target,scope,status,files,bytes_freed,duration_ms,synapse_task_id,error");
    expect(lines).toHaveLength(2);
    // MXIDs start with "@", which spreadsheets read as a formula: the cell is prefixed with '.
    expect(lines[1]).toContain(`,'${admin},`);
    expect(lines[1]).toContain(`,ok,${previewFiles},${previewBytes},`);
  });

  await test.step("dashboard shows what was freed in the last 30 days; the audit log has the deletions", async () => {
    await page.goto("/");
    expect(Number(await page.getByTestId("stat-freed").getAttribute("data-raw"))).toBeGreaterThanOrEqual(previewBytes);
    await page.goto(`/audit?actor=${encodeURIComponent(admin)}&action=media.`);
    await expect(page.getByTestId("audit-row")).toHaveCount(3);
  });
});

test("a room's media: listed with details, quarantined all at once", async ({ page }) => {
  await signInAsNewAdmin(page);
  const user = await createUserWithoutPassword(`media-r-${randomSuffix()}`);
  const token = await loginAs(user);
  const image = await upload(token, pngOfSize(12_345), "image/png", "cat.png");
  const room = await api<{ room_id: string }>("/_matrix/client/v3/createRoom", { method: "POST", token, body: { name: "media room" } });
  await api(`/_matrix/client/v3/rooms/${encodeURIComponent(room.body.room_id)}/send/m.room.message/m1`, {
    method: "PUT",
    token,
    body: { msgtype: "m.image", body: "cat.png", url: image.mxc },
  });

  await page.goto(`/media/rooms/${encodeURIComponent(room.body.room_id)}`);
  await expect(page.getByRole("heading", { name: `Media in ${room.body.room_id}` })).toBeVisible();
  await expect(page.getByTestId("room-media-total")).toContainText("1 file referenced in the room (1 local, 0 remote)");
  const row = page.getByTestId("media-row");
  await expect(row).toContainText(user);
  await expect(row).toContainText("12.1 KB");
  await page.getByRole("button", { name: "Quarantine all…" }).click();
  await page.getByRole("dialog", { name: "Quarantine all media" }).getByRole("button", { name: "Quarantine all" }).click();
  await expect(page.getByRole("status")).toContainText("Quarantined 1 file.");
  await expect(row).toContainText("quarantined");
  expect((await mediaInfo(image))?.quarantined_by).toBeTruthy();
});
