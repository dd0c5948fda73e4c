/**
 * A room delete started before a restart is followed to the end at boot: the portal process is killed
 * (SIGKILL, like a crash) once Synapse has accepted the delete and before the job has seen it end; started
 * again, the portal finishes the job on its own, with no browser open. Synapse deleted the room with one
 * task (the restarted portal followed the task the dead one started, it did not start another).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./test";
import { adminToken, api, randomSuffix } from "./synapse/testbed";
import { signInAsNewAdmin } from "./users-helpers";
import { backgroundUpdatesIdle, createMember, seedRoom } from "./rooms-fixtures";
import { killGroup, SPARE, startPortal, waitUntilServing } from "./spare-portal";

// The portal's own SQLite driver, read-only (the package ships no types).
type Sqlite = { prepare(sql: string): { get(...params: unknown[]): unknown }; close(): void };
const Database = require("better-sqlite3") as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => Sqlite;

// Short leases, so the restarted portal takes the dead one's job over within seconds.
const JOB_ENV = { JOB_LEASE_MS: "4000", JOB_POLL_MS: "500" };

type JobRow = { status: string; owner: string | null; fence: number };

/** Reads the spare portal's own database (read-only), as an operator could. */
function readDb<T>(dataDir: string, sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(path.join(dataDir, "portal.db"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

test("a room delete started before a restart is followed to the end at boot", async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-room-restart-"));
  const secret = crypto.randomBytes(32).toString("base64url");
  const owner = await createMember(`e2e-rr-owner-${randomSuffix()}`);
  const name = `e2erestart${randomSuffix()}`;
  const roomId = await seedRoom(owner, name, { messages: ["before the restart"] });
  const token = await adminToken();
  await backgroundUpdatesIdle();
  let portal = startPortal(dataDir, secret, JOB_ENV);
  const context = await browser.newContext({ baseURL: SPARE });
  try {
    await waitUntilServing();
    const page = await context.newPage();
    await signInAsNewAdmin(page, "roomdeleter");

    const { jobId, taskId, before } = await test.step("delete the room in the UI; kill the portal once Synapse accepted it", async () => {
      await page.goto(`/rooms/${encodeURIComponent(roomId)}`);
      await page.getByRole("button", { name: "Delete room…" }).click();
      await page.getByRole("dialog", { name: `Delete “${name}”` }).getByRole("button", { name: "Delete room" }).click();
      // Watched in the database, not the page (the page moves on only once the room list is read): the task id
      // is stored right after Synapse answered the start, and the job first asks for the task's state half a
      // second later, so the kill lands while the room is in flight.
      let found: { jobId: number; synapseTaskId: string | null } | undefined;
      await expect
        .poll(() => (found = readDb(dataDir, `SELECT jobId, synapseTaskId FROM PurgeRecord WHERE kind = 'room.delete' AND target = ?`, roomId))?.synapseTaskId ?? null, {
          timeout: 30_000,
          intervals: [20],
        })
        .not.toBeNull();
      const { jobId, synapseTaskId: taskId } = found!;
      killGroup(portal);
      const before = readDb<JobRow>(dataDir, `SELECT status, owner, fence FROM Job WHERE id = ?`, jobId)!;
      expect(before.status).toBe("running");
      expect(readDb<{ status: string }>(dataDir, `SELECT status FROM JobItem WHERE jobId = ?`, jobId)?.status).toBe("in-flight");
      await context.close(); // no browser from here on
      return { jobId, taskId: taskId!, before };
    });

    await test.step("started again, the portal finishes the job alone; the room is gone, deleted by one task", async () => {
      portal = startPortal(dataDir, secret, JOB_ENV);
      await waitUntilServing();
      await expect
        .poll(() => readDb<JobRow>(dataDir, `SELECT status, owner, fence FROM Job WHERE id = ?`, jobId)?.status, { timeout: 90_000, intervals: [500] })
        .toBe("completed");
      const after = readDb<JobRow>(dataDir, `SELECT status, owner, fence FROM Job WHERE id = ?`, jobId)!;
      expect(after.fence).toBeGreaterThan(before.fence);
      expect(after.owner).not.toBe(before.owner);
      expect((await api(`/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}`, { token })).status).toBe(404);
      const tasks = await api<{ scheduled_tasks: { id: string; status: string }[] }>(
        `/_synapse/admin/v1/scheduled_tasks?resource_id=${encodeURIComponent(roomId)}&action_name=shutdown_and_purge_room`,
        { token },
      );
      expect(tasks.body.scheduled_tasks.map((t) => t.id)).toEqual([taskId]);
      const record = readDb<{ status: string; synapseTaskId: string }>(dataDir, `SELECT status, synapseTaskId FROM PurgeRecord WHERE jobId = ?`, jobId);
      expect(record).toEqual({ status: "ok", synapseTaskId: taskId });
    });

    await test.step("an admin opening the rooms page afterwards sees the job completed", async () => {
      const again = await browser.newContext({ baseURL: SPARE });
      try {
        const page2 = await again.newPage();
        await signInAsNewAdmin(page2, "roomviewer");
        await page2.goto(`/rooms?jobs=${jobId}`);
        await expect(page2.getByTestId("room-job")).toHaveAttribute("data-status", "ok");
        await expect(page2.getByTestId("job-status")).toHaveText("Completed");
        await page2.goto("/");
        await expect(page2.getByTestId("stat-room-jobs-running")).toHaveAttribute("data-raw", "0");
        await page2.getByTestId("stat-room-jobs-running").getByRole("link").click();
        await expect(page2).toHaveURL(/\/rooms$/);
      } finally {
        await again.close();
      }
    });
  } finally {
    await context.close().catch(() => undefined);
    killGroup(portal);
  }
});
