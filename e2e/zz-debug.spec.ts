import AxeBuilder from "@axe-core/playwright";
import { test } from "@playwright/test";
import { signInAsNewAdmin } from "./users-helpers";
test.use({ viewport: { width: 390, height: 844 } });
test("debug", async ({ page }) => {
  await signInAsNewAdmin(page, "dbg");
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<button id="empty-btn"></button><p style="color:#ddd;background:#fff">low contrast</p>'));
  const r = await new AxeBuilder({ page }).analyze();
  console.log("SANITY", r.violations.map((v) => `${v.impact} ${v.id}`).join(", "));
  for (const p of (process.env.DBG_PATHS ?? "/users/import").split(",")) {
    await page.goto(p);
    await page.waitForLoadState("networkidle");
    const w = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    const out = await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 392 && !e.closest(".overflow-x-auto")).slice(0, 8).map((e) => `${e.tagName}.${(e.className?.toString?.() ?? "").slice(0, 80)} r=${Math.round(e.getBoundingClientRect().right)} ${e.textContent?.slice(0, 50)}`));
    console.log(p, w, "\n" + out.join("\n"));
    await page.screenshot({ path: `test-results/dbg/${p.replace(/\W/g, "_")}.png`, fullPage: true });
  }
});
