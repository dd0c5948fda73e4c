/**
 * Accessibility of the whole portal: axe on every page and every dialog reachable there, in light and dark mode.
 * One sign-in, one page walked through the portal; serious and critical violations (and any message reference shown
 * unrendered) are collected and listed at the end.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./test";
import type { Page } from "@playwright/test";
import { adminToken, api, randomSuffix } from "./fixtures";
import { createMember, reportEvent, seedRoom, sendText } from "./rooms-fixtures";
import { loginAs, pngOfSize, upload } from "./media-fixtures";
import { putUser, signInAsNewAdmin, userHref } from "./users-helpers";

const USER_TABS = ["profile", "devices", "connections", "rooms", "memberships", "pushers", "media", "account-data", "rate-limit", "features", "moderation"];

type Finding = { where: string; id: string; impact: string; help: string; targets: string[] };

const checked = { views: 0, dialogs: 0, minor: new Set<string>() };

/**
 * Every rule in light mode; in dark mode only what the colours change (contrast). Also: no message reference
 * (lib/i18n/message.ts) left unrendered in the text or the accessible names, which would read as code.
 */
async function axe(page: Page, where: string, found: Finding[]) {
  checked.views++;
  const raw = await page.evaluate(() => {
    const named = [...document.querySelectorAll("[aria-label], [title], [placeholder]")].flatMap((e) => ["aria-label", "title", "placeholder"].map((a) => e.getAttribute(a) ?? ""));
    return [document.body.innerText, ...named].filter((text) => text.includes('i18n:["')).map((text) => text.slice(text.indexOf('i18n:["'), 160));
  });
  if (raw.length > 0) found.push({ where, id: "unrendered-message-reference", impact: "critical", help: "a message reference is shown as it is stored", targets: raw.slice(0, 4) });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // Legacy mode: axe runs in the page itself, instead of gathering the results of each frame in a new blank page
    // for every check (about half of a check's time here). The same rules and results: the portal has no frames
    // (axe would still check same-origin ones, and its frame-tested rule reports any it could not).
    const builder = new AxeBuilder({ page }).setLegacyMode();
    const { violations } = await (colorScheme === "dark" ? builder.withRules(["color-contrast"]) : builder).analyze();
    for (const v of violations) {
      if (v.impact === "minor" || v.impact === "moderate") checked.minor.add(`${v.impact} ${v.id}`);
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      found.push({ where: `${where} (${colorScheme})`, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 4).map((n) => n.target.join(" ")) });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Opens each dialog the page offers (every button with aria-haspopup="dialog"), checks it, closes it with Escape. */
async function dialogs(page: Page, where: string, found: Finding[]): Promise<number> {
  const triggers = page.locator('main button[aria-haspopup="dialog"]:not([disabled])');
  const count = await triggers.count();
  for (let i = 0; i < count; i++) {
    const trigger = triggers.nth(i);
    if (!(await trigger.isVisible())) continue;
    const name = (await trigger.innerText()).trim();
    await trigger.click();
    const dialog = page.locator("dialog[open]");
    await expect(dialog, `dialog of "${name}" on ${where}`).toBeVisible();
    await axe(page, `${where} › dialog "${name}"`, found);
    checked.dialogs++;
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  }
  return count;
}

async function visit(page: Page, path: string, found: Finding[], opts: { dialogs?: boolean; before?: () => Promise<void> } = {}) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(500);
  await expect(page.locator("h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await axe(page, path, found);
  await opts.before?.();
  return opts.dialogs === false ? 0 : dialogs(page, path, found);
}

test("every page and dialog of the portal has no serious or critical axe violations", async ({ page }) => {
  test.setTimeout(900_000);
  const found: Finding[] = [];
  const s = randomSuffix();

  // Something on every page: a user with media, a room with messages and a report of one of them.
  const member = await createMember(`a11y-${s}-member`);
  const target = await putUser(`a11y-${s}-target`, { displayname: `Target ${s}` });
  const roomId = await seedRoom(member, `A11y room ${s}`, { messages: ["hello"] });
  const { eventId } = await sendText(member.token, roomId, `report me ${s}`);
  await reportEvent(member.token, roomId, eventId, `a11y ${s}`);
  await upload(await loginAs(target), pngOfSize(2000), "image/png", "a11y.png");
  const reports = await api<{ event_reports: { id: number; event_id: string }[] }>("/_synapse/admin/v1/event_reports?limit=50&dir=b", { token: await adminToken() });
  // A registration token, so its row's Edit dialog is there.
  await api("/_synapse/admin/v1/registration_tokens/new", { method: "POST", token: await adminToken(), body: { token: `a11y${s}` } });
  const report = reports.body.event_reports.find((r) => r.event_id === eventId);
  expect(report, "the seeded report").toBeTruthy();

  await test.step("signed out: login page", async () => {
    await page.goto("/login");
    await expect(page.getByRole("form", { name: "Sign in", exact: true })).toBeVisible();
    await axe(page, "/login", found);
  });

  await signInAsNewAdmin(page, `a11y${s}`);

  await test.step("dashboard and users", async () => {
    await visit(page, "/", found);
    await visit(page, "/users", found, {
      // The bulk dialog needs a selection.
      before: async () => page.locator("main tbody input[type=checkbox]").first().check(),
    });
    for (const tab of USER_TABS) await visit(page, `${userHref(target)}?tab=${tab}`, found, { dialogs: tab === "profile" });
    await visit(page, "/users/new", found);
    await visit(page, "/users/import", found);
    await visit(page, "/users/cleanup", found);
  });

  await test.step("rooms", async () => {
    await visit(page, "/rooms", found, { before: async () => page.locator("main tbody input[type=checkbox]").first().check() });
    const base = `/rooms/${encodeURIComponent(roomId)}`;
    for (const tab of ["", "/members", "/state", "/messages", "/extremities", "/tasks"]) await visit(page, base + tab, found);
    await visit(page, "/rooms/events", found);
    await visit(page, `/rooms/events?id=${encodeURIComponent(eventId)}`, found);
    await visit(page, "/rooms/largest", found);
  });

  await test.step("media", async () => {
    await visit(page, "/media", found);
    await visit(page, `/media/users/${encodeURIComponent(target)}`, found, { before: async () => page.locator("main tbody input[type=checkbox]:not([disabled])").first().check() });
    await visit(page, `/media/rooms/${encodeURIComponent(roomId)}`, found);
  });

  await test.step("reports", async () => {
    await visit(page, "/reports", found);
    await visit(page, `/reports/${report!.id}`, found);
    await visit(page, "/reports/users", found);
    const userReport = page.locator('main a[href^="/reports/users/"]').first();
    if (await userReport.count()) await visit(page, (await userReport.getAttribute("href"))!, found);
  });

  await test.step("jobs, server, settings, audit", async () => {
    await visit(page, "/jobs", found);
    const job = page.locator('main a[href^="/jobs/"]:not([href^="/jobs/purges"])').first();
    if (await job.count()) await visit(page, (await job.getAttribute("href"))!, found);
    await visit(page, "/jobs/purges", found);
    for (const p of ["/server", "/server/registration-tokens", "/server/federation", "/server/background-updates", "/server/scheduled-tasks", "/server/notices"]) await visit(page, p, found);
    // The broadcast's review dialog opens only for a notice with recipients (one: the seeded target).
    await page.getByLabel("Notice text").fill(`a11y ${s}`);
    await page.getByLabel("Every user matching a users-list filter").check();
    await page.getByLabel("Users list filter").fill(`/users?q=a11y-${s}-target`);
    await page.getByRole("button", { name: "Review…" }).click();
    const review = page.locator("dialog[open]");
    await expect(review).toBeVisible();
    await axe(page, "/server/notices › review dialog", found);
    checked.dialogs++;
    await page.keyboard.press("Escape");
    await expect(review).toHaveCount(0);
    await visit(page, "/settings", found);
    await visit(page, "/audit", found);
  });

  await test.step("not found", async () => {
    await page.goto(`/no-such-page-${s}`);
    await expect(page.locator("h1, h2").first()).toBeVisible();
    await axe(page, "not found", found);
  });

  console.log(`[a11y] ${checked.views} views checked, ${checked.dialogs} of them dialogs; below serious: ${[...checked.minor].join(", ") || "none"}`);
  // The walk really opened the dialogs (user, room, media, token, background update dialogs), not an empty page.
  expect(checked.dialogs).toBeGreaterThanOrEqual(12);
  const list = found.map((f) => `${f.where}: [${f.impact}] ${f.id} — ${f.help}\n    ${f.targets.join("\n    ")}`).join("\n");
  expect(found.length, `serious/critical axe violations:\n${list}`).toBe(0);
});
