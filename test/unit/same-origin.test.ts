// The CSRF door of mutating route handlers: only requests from the portal's own pages get through.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isCrossSiteNavigation, refuseCrossOrigin } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://portal.example:3000/api/imports", { method: "POST", headers: { host: "portal.example:3000", ...headers } });

test("a POST from the portal's own page passes", () => {
  assert.equal(refuseCrossOrigin(post({ origin: "http://portal.example:3000", "sec-fetch-site": "same-origin" })), null);
  assert.equal(refuseCrossOrigin(post({ origin: "http://portal.example:3000" })), null); // a browser without Fetch Metadata
  // A form POST under Referrer-Policy: no-referrer says Origin: null; the browser's Sec-Fetch-Site decides.
  assert.equal(refuseCrossOrigin(post({ origin: "null", "sec-fetch-site": "same-origin" })), null);
});

test("another origin of the same site, another site, or no browser headers at all: 403", async () => {
  const cases: Record<string, string>[] = [
    { origin: "http://chat.portal.example", "sec-fetch-site": "same-site" },
    { origin: "http://portal.example:3001", "sec-fetch-site": "same-site" },
    { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    { origin: "https://evil.example" },
    { "sec-fetch-site": "cross-site" },
    { origin: "null" },
    {},
  ];
  for (const headers of cases) {
    const refused = refuseCrossOrigin(post(headers));
    assert.ok(refused, JSON.stringify(headers));
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "CROSS_ORIGIN");
  }
});

test("SSO start: typed URLs and the portal's links pass, other sites' links do not", () => {
  const nav = (site?: string) => new Request("http://portal.example/login/sso/start", { headers: site ? { "sec-fetch-site": site } : {} });
  assert.equal(isCrossSiteNavigation(nav("same-origin")), false);
  assert.equal(isCrossSiteNavigation(nav("none")), false);
  assert.equal(isCrossSiteNavigation(nav()), false);
  assert.equal(isCrossSiteNavigation(nav("cross-site")), true);
  assert.equal(isCrossSiteNavigation(nav("same-site")), true);
});
