/**
 * Network and request security, tried as a stranger would: a fake homeserver of their own on this machine
 * (one that would make anybody an admin) is refused at sign-in without being contacted, and a page on another
 * origin cannot use an admin's cookie to upload a CSV (403; nothing on Synapse, nothing in the database).
 */
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { expect, test } from "./test";
import { PORTAL, PORTAL_DATA_DIR } from "../playwright.config";
import { createUser, randomSuffix } from "./synapse/testbed";
import { signInWithPassword } from "./fixtures";
import { synapseUsersMatching } from "./import-helpers";

type Local = { url: string; port: number; hits: string[]; close: () => Promise<void> };

async function localServer(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Local> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => (hits.push(`${req.method} ${req.url}`), handle(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}`, port, hits, close };
}

/** The ~20-line fake of the review: answers every sign-in check, and says everybody is an admin. */
function fakeHomeserver(req: http.IncomingMessage, res: http.ServerResponse) {
  const send = (body: unknown) => (res.writeHead(200, { "content-type": "application/json" }), res.end(JSON.stringify(body)));
  if (req.url === "/_matrix/client/versions") return send({ versions: ["v1.12"] });
  if (req.url === "/_synapse/admin/v1/server_version") return send({ server_version: "1.160.0" });
  if (req.url?.startsWith("/_matrix/client/v3/login")) {
    return send(req.method === "POST" ? { user_id: "@mallory:evil", access_token: "t", device_id: "D" } : { flows: [{ type: "m.login.password" }] });
  }
  if (req.url === "/_matrix/client/v3/account/whoami") return send({ user_id: "@mallory:evil", device_id: "D" });
  if (req.url?.endsWith("/admin")) return send({ admin: true });
  res.writeHead(404).end();
}

// The portal's own SQLite driver, read-only (the package ships no types).
type Sqlite = { prepare(sql: string): { get(...params: unknown[]): unknown }; close(): void };
const Database = require("better-sqlite3") as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => Sqlite;

function portalDb<T>(read: (db: Sqlite) => T): T {
  const db = new Database(path.join(PORTAL_DATA_DIR, "portal.db"), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const importJobCount = () => portalDb((db) => (db.prepare('SELECT COUNT(*) AS n FROM "ImportJob"').get() as { n: number }).n);

test("a stranger's fake homeserver is refused at sign-in and never contacted", async ({ page }) => {
  const fake = await localServer(fakeHomeserver);
  try {
    // The fake works: a portal without the policy would have signed the stranger in.
    expect((await fetch(`${fake.url}/_synapse/admin/v1/server_version`)).status).toBe(200);
    fake.hits.length = 0;
    const refused = /is refused by the portal's network policy/;

    await page.goto("/login");
    const form = page.getByRole("form", { name: "Sign in", exact: true });
    await test.step("discovery from the stranger's Matrix ID", async () => {
      await form.getByLabel("Username (full Matrix ID)").fill(`@mallory:127.0.0.1:${fake.port}`);
      await form.getByLabel("Password").fill("whatever-1");
      await form.getByLabel("Password").focus();
      await expect(form.getByText(refused).first()).toBeVisible();
    });
    await test.step("the fake's URL typed in, then Sign in", async () => {
      await form.getByLabel("Homeserver URL").fill(fake.url);
      await form.getByLabel("Password").focus();
      await expect(form.getByText(refused).first()).toBeVisible();
      await expect(form.getByTestId("homeserver-version")).toHaveCount(0);
      await form.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(form.getByText(refused).first()).toBeVisible();
    });
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId("header-user")).toHaveCount(0);
    expect(fake.hits).toEqual([]);
    const stored = portalDb((db) => ({
      audit: (db.prepare(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE actor LIKE '%mallory%'`).get() as { n: number }).n,
      pinned: (db.prepare(`SELECT COUNT(*) AS n FROM "PinnedHomeserver" WHERE authority = ?`).get(`127.0.0.1:${fake.port}`) as { n: number }).n,
    }));
    expect(stored).toEqual({ audit: 0, pinned: 0 });
  } finally {
    await fake.close();
  }
});

test("a CSV upload from another origin with the admin's cookie is refused and creates nothing", async ({ page }) => {
  const password = `pw-${randomSuffix()}`;
  await signInWithPassword(page, await createUser(`csrf-admin-${randomSuffix()}`, password, { admin: true }), password);
  const elsewhere = await localServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>elsewhere</title>"));
  const victim = `mallory-${randomSuffix()}`;
  const csv = `id,password,admin\n${victim},Str0ng-pass-123,true\n`;
  const upload = (dryRun: boolean) =>
    `${PORTAL}/api/imports?fileName=x.csv&dryRun=${dryRun}&conflict=update&passwords=csv&ids=csv&delimiter=auto&concurrency=4`;
  const jobsBefore = importJobCount();
  try {
    await page.goto(elsewhere.url);
    await test.step("a simple no-cors POST (no preflight) carrying the cookie: 403", async () => {
      const answered = page.waitForResponse((r) => r.url().startsWith(`${PORTAL}/api/imports`) && r.request().method() === "POST");
      await page.evaluate(
        ([url, body]) => fetch(url, { method: "POST", mode: "no-cors", credentials: "include", body }).then(() => undefined),
        [upload(false), csv] as const,
      );
      expect((await answered).status()).toBe(403);
    });
    await test.step("a text/csv POST needs a preflight the portal does not grant: it is never sent", async () => {
      const outcome = await page.evaluate(
        ([url, body]) =>
          fetch(url, { method: "POST", credentials: "include", headers: { "content-type": "text/csv" }, body }).then(
            (r) => `answered ${r.status}`,
            () => "blocked",
          ),
        [upload(false), csv] as const,
      );
      expect(outcome).toBe("blocked");
    });
    expect(await synapseUsersMatching(victim)).toEqual([]);
    expect(importJobCount()).toBe(jobsBefore);

    await test.step("the same upload (as a dry run) from the portal's own page is accepted", async () => {
      await page.goto("/users/import");
      const status = await page.evaluate(
        ([url, body]) => fetch(url, { method: "POST", headers: { "content-type": "text/csv" }, body }).then((r) => r.status),
        [upload(true), csv] as const,
      );
      expect(status).toBe(201);
      expect(importJobCount()).toBe(jobsBefore + 1);
      expect(await synapseUsersMatching(victim)).toEqual([]);
    });
  } finally {
    await elsewhere.close();
  }
});
