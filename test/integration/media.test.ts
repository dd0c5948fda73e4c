// lib/synapse/media*, lib/jobs/media-purges and media-kinds (on the job runtime) and their purge-history rows
// against the real test Synapse.
// Deletion by date is server-wide: each check uses a size threshold only its own files exceed, and
// compares the preview with what Synapse actually deleted.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { scanMediaForDeletion } from "@/lib/synapse/media-preview";
import { getMediaFile, listMediaUsage, listRoomMediaRefs, listUserMedia } from "@/lib/synapse/media";
import {
  deleteSelectedMedia,
  quarantineAll,
  setMediaFlag,
  startDeleteAllUserMedia,
  startDeleteMediaByDate,
  startPurgeRemoteCache,
  type JobContext,
} from "@/lib/jobs/media-purges";
import { forHomeserver, type PurgeRow } from "@/lib/db/tenant";
import { jobEnded, jobPurgeRecord, testRuntime } from "./job-helpers";
import { adminToken, api, loadTestbed, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import {
  createUserWithoutPassword,
  download,
  loginAs,
  mediaInfo,
  pngOfSize,
  setAvatar,
  textOfSize,
  upload,
  waitForLastAccess,
  type Uploaded,
} from "../../e2e/media-fixtures";
import { messageIn } from "@/lib/i18n/translator";

const tb = loadTestbed();
let ctx: JobContext;
let local: string;
const KB = 1024;
const tick = () => new Promise((r) => setTimeout(r, 20));

/** The history row of a media job of the runtime, once the job has ended. */
async function finished(jobId: number, target: string | null = null): Promise<PurgeRow> {
  const row = await jobPurgeRecord(ctx.homeserver, jobId, target);
  assert.notEqual(row.status, "running", "the job's end finished its history row");
  return row;
}

// Files whose last access must be written by Synapse (about a minute): started first, checked last.
let accessed: { token: string; read: Uploaded; unread: Uploaded; cutoff: number; userId: string };

before(async () => {
  testRuntime("media");
  const token = await adminToken();
  local = await serverName();
  ctx = { creds: { baseUrl: tb.baseUrl, accessToken: token }, actor: `@it-media-${randomSuffix()}:${local}`, homeserver: tb.baseUrl };
  const u = await createUserWithoutPassword(`it-access-${randomSuffix()}`);
  const t = await loginAs(u);
  const read = await upload(t, textOfSize(700 * KB + 11), "text/plain", "read.txt");
  const unread = await upload(t, textOfSize(700 * KB + 12), "text/plain", "unread.txt");
  await tick();
  const cutoff = Date.now();
  await tick();
  assert.equal(await download(t, read), 200);
  // Protected until their test, so the other deletions by date here leave them alone.
  for (const f of [read, unread]) await setMediaFlag(ctx, f, "protect", true, u);
  accessed = { token: t, read, unread, cutoff, userId: u };
});

describe("deletion by last access and size", () => {
  test("the preview matches what Synapse deletes; avatars, protected and quarantined files stay", async () => {
    const a = await createUserWithoutPassword(`it-media-a-${randomSuffix()}`);
    const b = await createUserWithoutPassword(`it-media-b-${randomSuffix()}`);
    const [ta, tb2] = await Promise.all([loginAs(a), loginAs(b)]);
    const avatar = await upload(ta, pngOfSize(150 * KB), "image/png", "avatar.png");
    await setAvatar(ta, a, avatar.mxc);
    const oldBig = await upload(ta, pngOfSize(200 * KB), "image/png", "old.png");
    const oldSmall = await upload(ta, textOfSize(2 * KB), "text/plain", "small.txt");
    const oldBig2 = await upload(tb2, textOfSize(300 * KB), "text/plain", "old2.txt");
    const protectedFile = await upload(tb2, textOfSize(250 * KB), "text/plain", "keep.txt");
    const quarantined = await upload(tb2, textOfSize(260 * KB), "text/plain", "bad.txt");
    const roomAvatar = await upload(tb2, pngOfSize(180 * KB), "image/png", "room.png");
    const room = await api<{ room_id: string }>("/_matrix/client/v3/createRoom", {
      method: "POST",
      token: tb2,
      body: { name: "it media", initial_state: [{ type: "m.room.avatar", state_key: "", content: { url: roomAvatar.mxc } }] },
    });
    assert.equal(room.status, 200, JSON.stringify(room.body));
    await setMediaFlag(ctx, protectedFile, "protect", true, b);
    await setMediaFlag(ctx, quarantined, "quarantine", true, b);
    await tick();
    const cutoff = Date.now();
    await tick();
    const newBig = await upload(ta, pngOfSize(220 * KB), "image/png", "new.png");

    const filters = { beforeTs: cutoff, sizeGt: 100 * KB, keepProfiles: true };
    const preview = await scanMediaForDeletion(ctx.creds, local, filters);
    assert.deepEqual(preview.partial, []);
    assert.ok(preview.files >= 2, `files ${preview.files}`);
    assert.ok(preview.keptAsAvatar >= 2, `avatars ${preview.keptAsAvatar}`);
    assert.ok(preview.keptProtected >= 1 && preview.keptQuarantined >= 1);
    assert.ok(preview.requests >= 3);
    const withAvatars = await scanMediaForDeletion(ctx.creds, local, { ...filters, keepProfiles: false });
    assert.equal(withAvatars.files, preview.files + preview.keptAsAvatar);

    const jobId = await startDeleteMediaByDate(ctx, local, filters);
    const row = await finished(jobId);
    assert.equal(row.status, "ok", row.error ?? "");
    assert.equal(row.kind, "media.delete-by-date");
    assert.equal(row.jobId, jobId);
    const job = await jobEnded(ctx.homeserver, jobId);
    assert.deepEqual([job.status, job.done, job.result?.filesDeleted, job.result?.bytesFreed], ["completed", preview.files, preview.files, preview.bytes]);
    assert.equal(row.filesDeleted, preview.files);
    assert.equal(row.bytesFreed, preview.bytes);
    assert.equal(row.scope.sizeGt, 100 * KB);

    assert.equal(await mediaInfo(oldBig), null);
    assert.equal(await mediaInfo(oldBig2), null);
    for (const kept of [avatar, roomAvatar, protectedFile, quarantined, oldSmall, newBig]) {
      assert.ok(await mediaInfo(kept), `${kept.mxc} should survive`);
    }
    const audit = await forHomeserver(ctx.homeserver).audit.list({ actor: ctx.actor, action: "media.delete-by-date" }, { skip: 0, take: 5 });
    assert.equal(audit.rows[0]?.outcome, "ok");
  });

  test("a date in 1970 is refused by Synapse and recorded as a failure with its sentence", async () => {
    const jobId = await startDeleteMediaByDate(ctx, local, { beforeTs: 1000, sizeGt: 0, keepProfiles: true });
    const row = await finished(jobId);
    assert.equal(row.status, "failed");
    const job = await jobEnded(ctx.homeserver, jobId);
    assert.equal(job.status, "failed");
    assert.match(job.message ?? "", /from the year 1970/);
    assert.match(row.error ?? "", /from the year 1970/);
    assert.doesNotMatch(row.error ?? "", /errcode|\{/);
  });
});

describe("bulk and single-file actions", () => {
  test("deleting all of a user's media pages through more than one page", async () => {
    const c = await createUserWithoutPassword(`it-media-c-${randomSuffix()}`);
    const tc = await loginAs(c);
    const files: Uploaded[] = [];
    for (let batch = 0; batch < 6; batch++) {
      files.push(...(await Promise.all(Array.from({ length: 21 }, (_, i) => upload(tc, textOfSize(100 + batch * 21 + i), "text/plain", "f.txt")))));
    }
    await setMediaFlag(ctx, files[5], "protect", true, c);
    const row = await finished(await startDeleteAllUserMedia(ctx, c), c);
    assert.equal(row.status, "ok", row.error ?? "");
    assert.equal(row.filesDeleted, 126);
    assert.equal(row.bytesFreed, files.reduce((s, f) => s + f.size, 0));
    assert.equal(row.target, c);
    assert.equal((await listUserMedia(ctx.creds, c, { from: 0, limit: 10 })).total, 0);
  });

  test("delete selected reports files and bytes, and what it could not delete", async () => {
    const d = await createUserWithoutPassword(`it-media-d-${randomSuffix()}`);
    const td = await loginAs(d);
    const one = await upload(td, textOfSize(1000), "text/plain", "1.txt");
    const two = await upload(td, textOfSize(3000), "text/plain", "2.txt");
    const r = await deleteSelectedMedia(ctx, local, d, [one, two, { server: local, mediaId: "doesnotexist" }]);
    assert.equal(r.filesDeleted, 2);
    assert.equal(r.bytesFreed, 4000);
    assert.equal(r.failed.length, 1);
    assert.equal(await mediaInfo(one), null);
    const { rows } = await forHomeserver(ctx.homeserver).purges.list({ actor: ctx.actor, kind: "media.delete-selected" }, { skip: 0, take: 1 });
    assert.equal(rows[0].filesDeleted, 2);
    assert.equal(rows[0].bytesFreed, 4000);
    assert.equal(rows[0].status, "failed");
    assert.match(messageIn(rows[0].error ?? "", "en"), /1 of 3 files were not deleted/);
  });

  test("quarantine and protect toggle, and lists show the flags", async () => {
    const e = await createUserWithoutPassword(`it-media-e-${randomSuffix()}`);
    const te = await loginAs(e);
    const f = await upload(te, pngOfSize(5000), "image/png", "e.png");
    await setMediaFlag(ctx, f, "quarantine", true, e);
    assert.ok((await getMediaFile(ctx.creds, local, f.server, f.mediaId))?.quarantinedBy);
    await setMediaFlag(ctx, f, "quarantine", false, e);
    await setMediaFlag(ctx, f, "protect", true, e);
    const listed = (await listUserMedia(ctx.creds, e, { from: 0, limit: 10 })).files[0];
    assert.equal(listed.quarantinedBy, null);
    assert.equal(listed.protected, true);
    assert.equal(listed.type, "image/png");
    assert.equal(listed.size, 5000);
    await setMediaFlag(ctx, f, "protect", false, e);
    assert.equal((await getMediaFile(ctx.creds, local, f.server, f.mediaId))?.protected, false);
    const kinds = (await forHomeserver(ctx.homeserver).purges.list({ actor: ctx.actor, target: e }, { skip: 0, take: 10 })).rows.map((r) => r.kind);
    assert.deepEqual(kinds, ["media.unprotect", "media.protect", "media.unquarantine", "media.quarantine"]);

    const g = await upload(te, textOfSize(10), "text/plain", "g.txt");
    assert.equal(await quarantineAll(ctx, { userId: e }), 2);
    assert.ok((await mediaInfo(g))?.quarantined_by);
  });

  test("room media references and usage statistics", async () => {
    const h = await createUserWithoutPassword(`it-media-h-${randomSuffix()}`);
    const th = await loginAs(h);
    const f = await upload(th, pngOfSize(4321), "image/png", "h.png");
    const room = await api<{ room_id: string }>("/_matrix/client/v3/createRoom", { method: "POST", token: th, body: {} });
    await api(`/_matrix/client/v3/rooms/${encodeURIComponent(room.body.room_id)}/send/m.room.message/t1`, {
      method: "PUT",
      token: th,
      body: { msgtype: "m.image", body: "h.png", url: f.mxc },
    });
    assert.deepEqual(await listRoomMediaRefs(ctx.creds, room.body.room_id), [{ server: f.server, mediaId: f.mediaId, local: true }]);
    const usage = await listMediaUsage(ctx.creds, { from: 0, limit: 5, search: h.slice(1, h.indexOf(":")) });
    assert.deepEqual(usage.users, [{ userId: h, displayname: h.slice(1, h.indexOf(":")), files: 1, bytes: 4321 }]);
  });

  test("remote cache purge runs and records the count", async () => {
    const row = await finished(await startPurgeRemoteCache(ctx, Date.now() - 30 * 86_400_000));
    assert.equal(row.status, "ok", row.error ?? "");
    assert.equal(row.filesDeleted, 0);
    assert.equal(row.bytesFreed, null);
  });
});

describe("last access", () => {
  test("a file downloaded after the cut-off is spared; one never opened since upload is deleted", async () => {
    await waitForLastAccess(accessed.read);
    for (const f of [accessed.read, accessed.unread]) await setMediaFlag(ctx, f, "protect", false, accessed.userId);
    const filters = { beforeTs: accessed.cutoff, sizeGt: 690 * KB, keepProfiles: true };
    const preview = await scanMediaForDeletion(ctx.creds, local, filters);
    const row = await finished(await startDeleteMediaByDate(ctx, local, filters));
    assert.equal(row.filesDeleted, preview.files);
    assert.equal(row.bytesFreed, preview.bytes);
    assert.ok(await mediaInfo(accessed.read), "the downloaded file stays");
    assert.equal(await mediaInfo(accessed.unread), null);
  });
});
