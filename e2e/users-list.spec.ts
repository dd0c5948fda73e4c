/**
 * An admin finds users in a large list: search, filters, sort and pages are all in the URL (Back works),
 * avatars load through the portal, and the filtered list exports as an escaped, re-importable CSV.
 */
import fs from "node:fs";
import { expect, test } from "./test";
import { adminToken, loadTestbed, randomSuffix } from "./fixtures";
import { PNG_2X2, putUser, signInAsNewAdmin } from "./users-helpers";

test("search, filter, sort, page and export the users list", async ({ page }) => {
  const p = `ul${randomSuffix()}`;
  // 12 cheap users: enough for two pages of 10, with one of each kind the filters pick out.
  const upload = await fetch(`${loadTestbed().baseUrl}/_matrix/media/v3/upload?filename=a.png`, {
    method: "POST",
    headers: { authorization: `Bearer ${await adminToken()}`, "content-type": "image/png" },
    body: PNG_2X2,
  });
  const avatar = ((await upload.json()) as { content_uri: string }).content_uri;
  const kinds: Record<string, Record<string, unknown>> = {
    u00: { displayname: "=SUM(A1)", avatar_url: avatar },
    u01: { displayname: `Boss ${p}`, admin: true },
    u02: { displayname: "Robo", user_type: "bot" },
  };
  for (let i = 0; i < 12; i++) {
    const k = `u${String(i).padStart(2, "0")}`;
    await putUser(`${p}-${k}`, kinds[k] ?? { displayname: `Person ${i}` });
  }
  await putUser(`${p}-u03`, { deactivated: true });
  await putUser(`${p}-u04`, { locked: true });
  await signInAsNewAdmin(page, "userslist");
  const rows = page.getByTestId("user-row");
  const total = page.getByTestId("users-total");

  await test.step("search puts the query in the URL; every account shows, with badges", async () => {
    await page.getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("link", { name: "CSV Import" })).toHaveAttribute("href", "/users/import");
    await page.getByLabel("Search").fill(p);
    await page.getByLabel("Per page").selectOption("10");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${p}`));
    await expect(total).toHaveText("12 users");
    await expect(rows).toHaveCount(10);
    await expect(rows.filter({ hasText: `${p}-u03` }).locator("[data-badge=deactivated]")).toBeVisible();
    await expect(rows.filter({ hasText: `${p}-u04` }).locator("[data-badge=locked]")).toBeVisible();
    await expect(rows.filter({ hasText: `${p}-u01` }).locator("[data-badge=admin]")).toBeVisible();
    await expect(rows.filter({ hasText: `${p}-u02` }).locator("[data-badge=type]")).toHaveText("bot");
  });

  await test.step("the avatar is a thumbnail served by the portal", async () => {
    const img = rows.filter({ hasText: `${p}-u00` }).locator("img");
    await expect(img).toHaveAttribute("src", /^\/api\/media\/[^/]+\/[A-Za-z0-9_-]+\?thumb=32x32$/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  });

  await test.step("pages, and Back returns to the previous page", async () => {
    await page.getByRole("link", { name: "Next ›" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rows).toHaveCount(2);
    await expect(page.getByText("Page 2 of 2")).toBeVisible();
    await page.goBack();
    await expect(rows).toHaveCount(10);
    await expect(page.getByText("Page 1 of 2")).toBeVisible();
  });

  await test.step("sorting by a column header, both ways", async () => {
    await page.getByRole("link", { name: "Display name" }).click();
    await expect(page).toHaveURL(/sort=displayname/);
    await expect(rows.first()).toContainText("=SUM(A1)");
    await page.getByRole("link", { name: "Display name ▲" }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(rows.first()).toContainText("Robo");
  });

  await test.step("filters: admins only, deactivated only, locked hidden, bots hidden", async () => {
    await page.getByLabel("Admins").selectOption("only");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/admins=only/);
    await expect(total).toHaveText("1 user");
    await expect(rows).toContainText([`${p}-u01`]);
    await page.getByLabel("Admins").selectOption("all");
    await page.getByLabel("Deactivated").selectOption("only");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`${p}-u03`);
    await page.getByLabel("Deactivated").selectOption("all");
    await page.getByLabel("Locked").selectOption("exclude");
    await page.getByRole("checkbox", { name: "bot" }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/locked=exclude.*hide=bot/);
    await expect(total).toHaveText("10 users");
    await expect(rows.filter({ hasText: `${p}-u04` })).toHaveCount(0);
    await expect(rows.filter({ hasText: `${p}-u02` })).toHaveCount(0);
  });

  await test.step("inactive for 30 days: these users never signed in, so all count", async () => {
    await page.getByRole("link", { name: "Clear", exact: true }).click();
    await expect(page).toHaveURL(/\/users$/);
    await page.getByLabel("Search").fill(p);
    await page.getByLabel("Inactive for (days)").fill("30");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/inactive=30/);
    await expect(total).toHaveText("12 users");
    await expect(page.getByText("Users not seen in the last 30 days")).toBeVisible();
  });

  await test.step("CSV export of the filtered list: localpart ids, formulas escaped, every page", async () => {
    await page.getByLabel("Inactive for (days)").fill("");
    await page.getByLabel("Per page").selectOption("10");
    await page.getByRole("button", { name: "Apply" }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await (await downloading).path();
    const lines = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("id,displayname,password,is_guest,admin,deactivated,avatar_url,user_type,locked,shadow_banned,erased,creation_ts,last_seen_ts");
    expect(lines).toHaveLength(13);
    expect(lines.find((l) => l.startsWith(`${p}-u00,`))).toContain(`,'=SUM(A1),`);
    expect(lines.find((l) => l.startsWith(`${p}-u01,`))).toMatch(/^[^,]+,Boss [^,]+,,false,true,false,/);
    expect(lines.some((l) => l.startsWith("@") || l.startsWith("'@"))).toBe(false);
  });
});
