// The journeys' `test`: Playwright's, plus a check after each journey that the browser lacked no words. A page's
// client components get only the keys listed for it (i18n/client-keys.json); a key missing there makes next-intl
// log MISSING_MESSAGE in the browser and show the key instead of the sentence.
import { expect, test as base, type BrowserContext } from "@playwright/test";

export const test = base.extend<{ browserHadEveryWord: void }>({
  browserHadEveryWord: [
    async ({ browser, context }, use) => {
      const missing: string[] = [];
      const watch = (c: BrowserContext) =>
        c.on("console", (m) => {
          if (m.type() === "error" && /MISSING_MESSAGE|INSUFFICIENT_PATH/.test(m.text())) missing.push(`${m.page()?.url()}: ${m.text().slice(0, 300)}`);
        });
      watch(context);
      // Journeys with portals of their own open their own contexts: watch those too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const c = await newContext(options);
        watch(c);
        return c;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      expect(missing, "words a page's browser code lacked (run scripts/i18n-client-keys.ts, or name the key literally)").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
