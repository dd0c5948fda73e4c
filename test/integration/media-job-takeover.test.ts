// A media job outlives its instance: "delete all of a user's media" started on one runtime, that runtime
// killed between pages, another one finishes it. Every file is gone from Synapse, the one history row has
// the whole count, and no page was deleted twice (a page deleted again would delete newer files: none are left).
import { test } from "node:test";
import assert from "node:assert/strict";
import { forHomeserver } from "@/lib/db/tenant";
import { startDeleteAllUserMedia } from "@/lib/jobs/media-purges";
import { listUserMedia } from "@/lib/synapse/media";
import { sleep } from "@/lib/pool";
import { adminToken, loadTestbed, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { createUserWithoutPassword, loginAs, textOfSize, upload, type Uploaded } from "../../e2e/media-fixtures";
import { jobEnded, jobPurgeRecord, testRuntime } from "./job-helpers";

test("a user's media deletion taken over between pages by another instance ends with every file deleted once", async () => {
  const tb = loadTestbed();
  const creds = { baseUrl: tb.baseUrl, accessToken: await adminToken() };
  const ctx = { creds, actor: `@it-media-tk-${randomSuffix()}:${await serverName()}`, homeserver: tb.baseUrl };
  const user = await createUserWithoutPassword(`it-media-tk-${randomSuffix()}`);
  const token = await loginAs(user);
  const files: Uploaded[] = [];
  for (let batch = 0; batch < 5; batch++) {
    files.push(...(await Promise.all(Array.from({ length: 50 }, (_, i) => upload(token, textOfSize(200 + batch * 50 + i), "text/plain", "f.txt")))));
  }
  const a = testRuntime("media-a", { leaseMs: 2000, heartbeatMs: 400 });
  const id = await startDeleteAllUserMedia(ctx, user);
  const jobs = forHomeserver(ctx.homeserver).jobs;
  for (let done = 0; done === 0; await sleep(10)) done = (await jobs.get(id))!.done;
  const onA = (await jobs.get(id))!;
  a.kill();
  assert.ok(onA.done < files.length, `A was killed mid-job (${onA.done} of ${files.length} done)`);

  testRuntime("media-b", { leaseMs: 2000, heartbeatMs: 400 });
  const job = await jobEnded(ctx.homeserver, id);
  assert.equal(job.status, "completed", job.message ?? "");
  assert.ok(job.fence > onA.fence, "claimed again by B");
  assert.equal((await listUserMedia(creds, user, { from: 0, limit: 10 })).total, 0);
  const row = await jobPurgeRecord(ctx.homeserver, id, user);
  assert.deepEqual([row.status, row.filesDeleted, row.bytesFreed], ["ok", files.length, files.reduce((s, f) => s + f.size, 0)]);
  assert.equal((await forHomeserver(ctx.homeserver).purges.list({ actor: ctx.actor }, { skip: 0, take: 10 })).total, 1, "one history row");
  const audit = await forHomeserver(ctx.homeserver).audit.list({ actor: ctx.actor, action: "media.delete-user-media" }, { skip: 0, take: 5 });
  assert.deepEqual(audit.rows.map((r) => r.outcome), ["ok"], "one audit entry, with the outcome");
});
