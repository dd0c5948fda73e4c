import "server-only";
import { withAudit } from "@/lib/audit/record";
import { forHomeserver, type PurgeKind } from "@/lib/db/tenant";
import { describeError } from "@/lib/synapse/describe-error";
import type { SynapseCredentials } from "@/lib/synapse/client";
import {
  deleteMediaByDate,
  deleteMediaFile,
  deleteUserMediaPage,
  getMediaFile,
  listUserMedia,
  purgeRemoteMediaCache,
  quarantineRoomMedia,
  quarantineUserMedia,
  setMediaProtected,
  setMediaQuarantined,
} from "@/lib/synapse/media";
import { mapPool } from "@/lib/pool";
import { scanMediaForDeletion, type DeletionFilters } from "@/lib/synapse/media-preview";

/**
 * Media deletions and purges, each recorded in the purge history (started, then finished with counts,
 * duration and outcome) and in the audit log. The long ones run here in the portal's process after the
 * request has answered, so a closed tab does not stop them; the page polls the history row. A portal
 * restart interrupts them: their row then stays "running" and is shown as interrupted.
 */

export type JobContext = { creds: SynapseCredentials; actor: string; homeserver: string };
export type JobResult = { filesDeleted?: number | null; bytesFreed?: number | null };
export type JobProgress = { filesDeleted: number; bytesFreed: number; phase: string };

type Spec = { kind: PurgeKind; target?: string | null; scope: Record<string, unknown> };

// In-process state of running jobs (global: dev reloads re-evaluate modules).
const g = globalThis as unknown as { portalMediaJobs?: Map<number, JobProgress> };
const running = (g.portalMediaJobs ??= new Map());

/** Starts the work in the background and returns the purge-history id to follow it by. */
export async function startRecordedJob(ctx: JobContext, spec: Spec, work: (p: JobProgress) => Promise<JobResult>): Promise<number> {
  const purges = forHomeserver(ctx.homeserver).purges;
  const id = await purges.start({ actor: ctx.actor, kind: spec.kind, target: spec.target, scope: spec.scope });
  const progress: JobProgress = { filesDeleted: 0, bytesFreed: 0, phase: "starting" };
  running.set(id, progress);
  const audit = { action: spec.kind, target: spec.target, params: { ...spec.scope, purgeRecord: id } };
  void withAudit(ctx, audit, () => work(progress))
    .then((r) => purges.finish(id, { status: "ok", filesDeleted: r.filesDeleted, bytesFreed: r.bytesFreed }))
    .catch((e) => {
      if (describeError(e).code === "UNEXPECTED") console.error("[portal] media job failed:", e instanceof Error ? e.stack : e);
      return purges.finish(id, {
        status: "failed",
        filesDeleted: progress.filesDeleted || null,
        bytesFreed: progress.bytesFreed || null,
        error: describeError(e).message,
      });
    })
    .catch((e) => console.error("[portal] could not finish purge record", id, e))
    .finally(() => running.delete(id));
  return id;
}

/** Runs short work inside the request, recorded the same way (the caller's adminAction audits it). */
export async function runRecorded<T extends JobResult>(ctx: JobContext, spec: Spec, work: () => Promise<T>, failure?: (r: T) => string | null): Promise<T> {
  const purges = forHomeserver(ctx.homeserver).purges;
  const id = await purges.start({ actor: ctx.actor, kind: spec.kind, target: spec.target, scope: spec.scope });
  running.set(id, { filesDeleted: 0, bytesFreed: 0, phase: "running" });
  try {
    const r = await work();
    const error = failure?.(r) ?? null;
    await purges.finish(id, { status: error ? "failed" : "ok", filesDeleted: r.filesDeleted, bytesFreed: r.bytesFreed, error });
    return r;
  } catch (e) {
    await purges.finish(id, { status: "failed", error: describeError(e).message });
    throw e;
  } finally {
    running.delete(id);
  }
}

const SCAN_BUDGET_MS = 10 * 60 * 1000;

/** Synapse's delete-by-date; the sizes come from a scan just before, since Synapse returns only ids. */
export function startDeleteMediaByDate(ctx: JobContext, localServer: string, f: DeletionFilters): Promise<number> {
  return startRecordedJob(ctx, { kind: "media.delete-by-date", scope: { ...f, beforeIso: new Date(f.beforeTs).toISOString() } }, async (p) => {
    p.phase = "measuring";
    const scan = await scanMediaForDeletion(ctx.creds, localServer, f, { budgetMs: SCAN_BUDGET_MS });
    p.phase = "deleting";
    const deleted = await deleteMediaByDate(ctx.creds, f);
    const bytes = deleted.reduce((s, id) => s + (scan.sizeById.get(id) ?? 0), 0);
    p.filesDeleted = deleted.length;
    p.bytesFreed = bytes;
    return { filesDeleted: deleted.length, bytesFreed: bytes };
  });
}

const USER_PAGE = 100;

/**
 * Deletes every file a user uploaded, a page at a time (Synapse deletes one page per call), oldest
 * first so new uploads cannot shift the page between listing it and deleting it.
 */
export function startDeleteAllUserMedia(ctx: JobContext, userId: string): Promise<number> {
  return startRecordedJob(ctx, { kind: "media.delete-user-media", target: userId, scope: { userId } }, async (p) => {
    p.phase = "deleting";
    const order = { orderBy: "created_ts", dir: "asc" } as const;
    let from = 0;
    let stalls = 0;
    for (;;) {
      const page = await listUserMedia(ctx.creds, userId, { from, limit: USER_PAGE, ...order });
      if (page.files.length === 0) break;
      const sizes = new Map(page.files.map((f) => [f.mediaId, f.size]));
      const deleted = await deleteUserMediaPage(ctx.creds, userId, { from, limit: USER_PAGE, ...order });
      p.filesDeleted += deleted.length;
      p.bytesFreed += deleted.reduce((s, id) => s + (sizes.get(id) ?? 0), 0);
      // Files Synapse could not remove stay in the list: step over them instead of looping forever.
      const left = page.files.length - deleted.length;
      if (left > 0) {
        from += left;
        if (++stalls > 1000) throw new Error("user media deletion made no progress");
      }
    }
    return { filesDeleted: p.filesDeleted, bytesFreed: p.bytesFreed };
  });
}

/** Remote media is fetched again from its home server when someone opens it. Synapse reports a count only. */
export function startPurgeRemoteCache(ctx: JobContext, beforeTs: number): Promise<number> {
  return startRecordedJob(ctx, { kind: "media.purge-remote-cache", scope: { beforeTs, beforeIso: new Date(beforeTs).toISOString() } }, async (p) => {
    p.phase = "purging";
    const n = await purgeRemoteMediaCache(ctx.creds, beforeTs);
    p.filesDeleted = n;
    return { filesDeleted: n, bytesFreed: null };
  });
}

export type MediaRef = { server: string; mediaId: string };
export type DeleteSelectedResult = JobResult & { filesDeleted: number; bytesFreed: number; failed: { mediaId: string; message: string }[] };

/** Deletes the chosen files one by one, reading each size first so the history knows the bytes freed. */
export function deleteSelectedMedia(ctx: JobContext, localServer: string, scope: string | undefined, refs: MediaRef[]): Promise<DeleteSelectedResult> {
  const spec: Spec = { kind: "media.delete-selected", target: scope ?? null, scope: { files: refs.map((r) => `mxc://${r.server}/${r.mediaId}`) } };
  return runRecorded(
    ctx,
    spec,
    async () => {
      const r: DeleteSelectedResult = { filesDeleted: 0, bytesFreed: 0, failed: [] };
      await mapPool(refs, 4, async (ref) => {
        if (ref.server !== localServer) {
          r.failed.push({ mediaId: ref.mediaId, message: "Remote media cannot be deleted; purge the remote media cache instead." });
          return;
        }
        try {
          const file = await getMediaFile(ctx.creds, localServer, ref.server, ref.mediaId);
          if (file && (await deleteMediaFile(ctx.creds, ref.server, ref.mediaId))) {
            r.filesDeleted++;
            r.bytesFreed += file.size;
          } else {
            r.failed.push({ mediaId: ref.mediaId, message: "Already deleted." });
          }
        } catch (e) {
          r.failed.push({ mediaId: ref.mediaId, message: describeError(e).message });
        }
      });
      return r;
    },
    (r) => (r.failed.length > 0 ? `${r.failed.length} of ${refs.length} files were not deleted: ${r.failed[0].message}` : null),
  );
}

export type Flag = "quarantine" | "protect";

/** Quarantine or protect one file (or lift it). Quarantine also covers same-content copies. */
export async function setMediaFlag(ctx: JobContext, ref: MediaRef, flag: Flag, on: boolean, scope?: string): Promise<void> {
  const kind: PurgeKind = flag === "quarantine" ? (on ? "media.quarantine" : "media.unquarantine") : on ? "media.protect" : "media.unprotect";
  await runRecorded(ctx, { kind, target: scope ?? null, scope: { file: `mxc://${ref.server}/${ref.mediaId}` } }, async () => {
    if (flag === "quarantine") await setMediaQuarantined(ctx.creds, ref.server, ref.mediaId, on);
    else await setMediaProtected(ctx.creds, ref.mediaId, on);
    return { filesDeleted: null, bytesFreed: null };
  });
}

/** Quarantines every file of a user, or every file referenced in a room; returns how many Synapse changed. */
export async function quarantineAll(ctx: JobContext, owner: { userId: string } | { roomId: string }): Promise<number> {
  const target = "userId" in owner ? owner.userId : owner.roomId;
  const r = await runRecorded(ctx, { kind: "media.quarantine", target, scope: { all: true, ...owner } }, async () => ({
    filesDeleted: "userId" in owner ? await quarantineUserMedia(ctx.creds, owner.userId) : await quarantineRoomMedia(ctx.creds, owner.roomId),
    bytesFreed: null,
  }));
  return r.filesDeleted ?? 0;
}

export type PurgeStatus = {
  id: number;
  kind: string;
  status: "running" | "ok" | "failed" | "interrupted";
  phase: string | null;
  filesDeleted: number | null;
  bytesFreed: number | null;
  durationMs: number | null;
  error: string | null;
};

/** A history row with the live progress of a running job; "running" rows no process owns were interrupted. */
export async function getPurgeStatus(homeserver: string, id: number): Promise<PurgeStatus | null> {
  const row = await forHomeserver(homeserver).purges.get(id);
  if (!row) return null;
  const live = running.get(id);
  const status = row.status === "running" ? (live ? "running" : "interrupted") : row.status === "ok" ? "ok" : "failed";
  return {
    id,
    kind: row.kind,
    status,
    phase: live?.phase ?? null,
    filesDeleted: live ? live.filesDeleted : row.filesDeleted,
    bytesFreed: live ? live.bytesFreed : row.bytesFreed,
    durationMs: row.durationMs,
    error: row.error,
  };
}

/** Whether this portal process is running the job (the history view marks the others as interrupted). */
export function isJobLive(id: number): boolean {
  return running.has(id);
}
