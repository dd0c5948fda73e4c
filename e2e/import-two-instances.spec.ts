/**
 * Two portal instances on one PostgreSQL share the CSV import: the instance that started a job is killed
 * (SIGKILL) mid-import and the other one finishes it once the lease expires, every user created exactly
 * once; an instance told to stop (SIGTERM) gives its lease back, and the other continues at once.
 */
import crypto from "node:crypto";
import { expect, test } from "./test";
import type { Browser, Page } from "@playwright/test";
import { signInWithPassword } from "./fixtures";
import { downloadReport, expectJobStatus, synapseUsersMatching, uploadCsv } from "./import-helpers";
import { createUser, passwordLogin, randomSuffix, serverName } from "./synapse/testbed";
import { killInstance, migrate, startInstance, startPgCluster, type Instance, type PgCluster } from "./two-instances";

// PORTAL_PORT+3 belongs to another journey; these two are this spec's.
const PORT_A = Number(process.env.PORTAL_PORT ?? 3100) + 4;
const PORT_B = PORT_A + 1;
const ROWS = 60;
const TERM_ROWS = 30;

let pg: PgCluster;
const secret = crypto.randomBytes(32).toString("base64url");
const running: Instance[] = [];

test.beforeAll(() => {
  pg = startPgCluster();
});
// Each journey's instances are gone before the next one starts on the same ports.
test.afterEach(async () => {
  await Promise.all(running.splice(0).map(killInstance));
});
test.afterAll(() => pg?.stop());

function newDatabase(prefix: string): string {
  const db = `${prefix}_${randomSuffix().replace(/\W/g, "")}`;
  pg.createdb(db);
  migrate(pg.url(db));
  return db;
}

async function instance(name: string, port: number, db: string, env: Record<string, string>): Promise<Instance> {
  const i = await startInstance({ name, port, databaseUrl: pg.url(db), secret, env });
  running.push(i);
  return i;
}

/** A signed-in page on the instance (one admin; the sealed session cookie works on every instance). */
async function adminPage(browser: Browser, i: Instance, admin: { id: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL: i.url });
  const page = await context.newPage();
  await signInWithPassword(page, admin.id, admin.password);
  return page;
}

async function doneCount(page: Page): Promise<number> {
  return Number(/^(\d+) of/.exec((await page.getByTestId("progress-done").textContent()) ?? "")?.[1] ?? -1);
}

/** What the job page shows: status, rows done and the outcome counts. */
async function jobFigures(page: Page, jobId: number) {
  await page.goto(`/jobs/${jobId}`);
  const text = async (id: string) => ((await page.getByTestId(id).first().textContent()) ?? "").trim();
  return { status: await text("job-status"), done: await text("progress-done"), created: await text("count-created"), updated: await text("count-updated"), failed: await text("count-failed") };
}

async function newImport(page: Page, prefix: string, rows: number): Promise<{ jobId: number; ids: string[] }> {
  const ids = Array.from({ length: rows }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}`);
  const jobId = await uploadCsv(page, `${prefix}.csv`, `id\n${ids.join("\n")}\n`, { passwords: "Ignore the file's and generate all", concurrency: 2 });
  await expect.poll(() => doneCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
  return { jobId, ids };
}

/** Synapse holds exactly the file's users, the report says each was created, and each report password signs in. */
async function expectEachUserCreatedOnce(page: Page, jobId: number, ids: string[]) {
  const hs = await serverName();
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("count-created")).toHaveText(String(ids.length));
  await expect(page.getByTestId("count-failed")).toHaveText("0");
  const prefix = ids[0].slice(0, ids[0].lastIndexOf("-") + 1);
  expect(await synapseUsersMatching(prefix)).toEqual(ids.map((id) => `@${id}:${hs}`));
  const report = (await downloadReport(page)).slice(1);
  expect(report.map((r) => r[2])).toEqual(ids.map(() => "created"));
  // A few at a time: Synapse checks each password with bcrypt.
  for (let i = 0; i < report.length; i += 4) {
    await Promise.all(report.slice(i, i + 4).map(async (r) => expect(await passwordLogin(r[1].replace(/^'/, ""), r[5]), `${r[1]} signs in with the report's password`).toBeTruthy()));
  }
}

test("an import started on A, A killed mid-import: B finishes it, every user created once, both pages agree", async ({ browser }) => {
  test.setTimeout(300_000);
  const db = newDatabase("kill");
  // Long enough that a busy machine does not let A's lease lapse before it is killed; short enough for B to wait out.
  const env = { JOB_LEASE_MS: "10000", JOB_POLL_MS: "500" };
  let a = await instance("portal-a", PORT_A, db, env);
  const b = await instance("portal-b", PORT_B, db, env);
  const password = `pw-${randomSuffix()}`;
  const admin = { id: await createUser(`importer-${randomSuffix()}`, password, { admin: true }), password };
  const onA = await adminPage(browser, a, admin);

  const { jobId, ids } = await test.step("start an import of 60 users with generated passwords on A", () => newImport(onA, `imp-2i-${randomSuffix()}`, ROWS));

  await test.step("A is killed while it drives the job", async () => {
    expect(pg.psql(db, `SELECT owner FROM "ImportJob" WHERE id = ${jobId}`)).toBe("portal-a");
    await killInstance(a);
    expect((await synapseUsersMatching(ids[0].slice(0, -2))).length).toBeLessThan(ROWS);
  });

  const onB = await adminPage(browser, b, admin);
  await test.step("B takes the job over once A's lease expired and completes it", async () => {
    await expect.poll(() => pg.psql(db, `SELECT owner FROM "ImportJob" WHERE id = ${jobId}`), { timeout: 60_000 }).toBe("portal-b");
    await onB.goto(`/jobs/${jobId}`);
    await expectJobStatus(onB, "completed", 120_000);
    expect(Number(pg.psql(db, `SELECT fence FROM "ImportJob" WHERE id = ${jobId}`))).toBeGreaterThanOrEqual(2);
  });

  await test.step("every user exists exactly once, with the report's password", () => expectEachUserCreatedOnce(onB, jobId, ids));

  await test.step("A started again: both instances' job pages agree", async () => {
    a = await instance("portal-a", PORT_A, db, env);
    const onA2 = await adminPage(browser, a, admin);
    const fromA = await jobFigures(onA2, jobId);
    const fromB = await jobFigures(onB, jobId);
    expect(fromA).toEqual(fromB);
    expect(fromA).toMatchObject({ status: "completed", created: String(ROWS), failed: "0" });
  });
});

test("SIGTERM to the instance driving an import gives its lease back: the other continues without waiting it out", async ({ browser }) => {
  test.setTimeout(300_000);
  const db = newDatabase("term");
  // A lease far longer than this test: B can only continue if A gave it back.
  const env = { JOB_LEASE_MS: "300000", JOB_HEARTBEAT_MS: "1000", JOB_POLL_MS: "500", SHUTDOWN_GRACE_MS: "20000" };
  const a = await instance("portal-a", PORT_A, db, env);
  const b = await instance("portal-b", PORT_B, db, env);
  const password = `pw-${randomSuffix()}`;
  const admin = { id: await createUser(`importer-${randomSuffix()}`, password, { admin: true }), password };
  const onA = await adminPage(browser, a, admin);
  const { jobId, ids } = await newImport(onA, `imp-term-${randomSuffix()}`, TERM_ROWS);

  await test.step("A stops on SIGTERM after its rows in flight, releasing the lease", async () => {
    expect(pg.psql(db, `SELECT owner FROM "ImportJob" WHERE id = ${jobId}`)).toBe("portal-a");
    process.kill(a.child.pid!, "SIGTERM");
    expect(await a.exited).toBe(0);
    // No row is left in flight by A (it finished them), unless B already took one.
    const owner = pg.psql(db, `SELECT coalesce(owner, '') FROM "ImportJob" WHERE id = ${jobId}`);
    expect(["", "portal-b"]).toContain(owner);
  });

  const onB = await adminPage(browser, b, admin);
  await test.step("B continues long before A's lease would have expired, and completes the job", async () => {
    await expect.poll(() => pg.psql(db, `SELECT owner FROM "ImportJob" WHERE id = ${jobId}`), { timeout: 30_000 }).toBe("portal-b");
    await onB.goto(`/jobs/${jobId}`);
    await expectJobStatus(onB, "completed", 120_000);
  });
  await test.step("every user exists exactly once, with the report's password", () => expectEachUserCreatedOnce(onB, jobId, ids));
});
