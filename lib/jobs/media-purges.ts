import "server-only";
import { forHomeserver, type PurgeKind } from "@/lib/db/tenant";
import { describeError } from "@/lib/synapse/describe-error";
import {
  deleteMediaFile,
  getMediaFile,
  quarantineRoomMedia,
  quarantineUserMedia,
  setMediaProtected,
  setMediaQuarantined,
} from "@/lib/synapse/media";
import { mapPool } from "@/lib/pool";
import type { DeletionFilters } from "@/lib/synapse/media-preview";
import { startJob, type JobOwner } from "./jobs";
import type { DeleteByDateParams } from "./media-kinds";
import { msg } from "@/lib/i18n/message";

/**
 * Media deletions and purges, each recorded in the purge history (started, then finished with counts,
 * duration and outcome) and in the audit log. The long ones (deletion by date, all of a user's media, the
 * remote cache purge) are jobs of the runtime (lib/jobs/media-kinds.ts): durable, resumed by whichever
 * instance is up, followed through /api/jobs/<id>. The short ones run inside the request.
 */

export type JobContext = JobOwner;

/** The media kinds that run as jobs of the runtime. */
export const MEDIA_JOB_KINDS = ["media.delete-by-date", "media.delete-user-media", "media.purge-remote-cache"];
export type JobResult = { filesDeleted?: number | null; bytesFreed?: number | null };

type Spec = { kind: PurgeKind; target?: string | null; scope: Record<string, unknown> };

/** Runs short work inside the request, recorded the same way (the caller's adminAction audits it). */
export async function runRecorded<T extends JobResult>(ctx: JobContext, spec: Spec, work: () => Promise<T>, failure?: (r: T) => string | null): Promise<T> {
  const purges = forHomeserver(ctx.homeserver).purges;
  const id = await purges.start({ actor: ctx.actor, kind: spec.kind, target: spec.target, scope: spec.scope });
  try {
    const r = await work();
    const error = failure?.(r) ?? null;
    await purges.finish(id, { status: error ? "failed" : "ok", filesDeleted: r.filesDeleted, bytesFreed: r.bytesFreed, error });
    return r;
  } catch (e) {
    await purges.finish(id, { status: "failed", error: describeError(e).message });
    throw e;
  }
}

/** Starts Synapse's delete-by-date as a job; returns the job's id. The job audits itself with its outcome. */
export function startDeleteMediaByDate(ctx: JobContext, localServer: string, filters: DeletionFilters): Promise<number> {
  const params: DeleteByDateParams = { localServer, filters };
  return startJob(ctx, { kind: "media.delete-by-date", params, ownDevice: true });
}

/** Starts deleting every file a user uploaded, page after page, as a job. */
export function startDeleteAllUserMedia(ctx: JobContext, userId: string): Promise<number> {
  return startJob(ctx, { kind: "media.delete-user-media", params: { userId }, ownDevice: true });
}

/** Starts the remote media cache purge as a job. */
export function startPurgeRemoteCache(ctx: JobContext, beforeTs: number): Promise<number> {
  return startJob(ctx, { kind: "media.purge-remote-cache", params: { beforeTs }, ownDevice: true });
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
          r.failed.push({ mediaId: ref.mediaId, message: msg("media.jobs.remoteNotDeletable") });
          return;
        }
        try {
          const file = await getMediaFile(ctx.creds, localServer, ref.server, ref.mediaId);
          if (file && (await deleteMediaFile(ctx.creds, ref.server, ref.mediaId))) {
            r.filesDeleted++;
            r.bytesFreed += file.size;
          } else {
            r.failed.push({ mediaId: ref.mediaId, message: msg("media.jobs.alreadyDeleted") });
          }
        } catch (e) {
          r.failed.push({ mediaId: ref.mediaId, message: describeError(e).message });
        }
      });
      return r;
    },
    (r) => (r.failed.length > 0 ? msg("media.jobs.someNotDeleted", { failed: r.failed.length, count: refs.length, reason: r.failed[0].message }) : null),
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
