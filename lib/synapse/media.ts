import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { on404 } from "./errors";
import { serverNameOf } from "@/lib/matrix/mxid";
import { parseMxc } from "@/lib/matrix/mxc";

// ---- raw API shapes (private) ----

type RawUserMedia = {
  media_id: string;
  media_type: string | null;
  media_length: number | null;
  upload_name: string | null;
  created_ts: number;
  url_cache: string | null;
  last_access_ts: number | null;
  quarantined_by: string | null;
  safe_from_quarantine: boolean | number;
  user_id?: string | null;
};
type RawUserMediaPage = { media: RawUserMedia[]; total: number; next_token?: number };
type RawMediaInfo = { media_info: RawUserMedia & { media_origin: string | null } };
type RawUsageRow = { user_id: string; displayname: string | null; media_count: number; media_length: number };
type RawUsagePage = { users: RawUsageRow[]; total: number; next_token?: number };
type RawDeleted = { deleted_media: string[]; total: number };

// ---- app-level types ----

export type MediaFile = {
  server: string;
  mediaId: string;
  local: boolean;
  type: string;
  size: number;
  uploadName: string | null;
  createdTs: number;
  lastAccessTs: number | null;
  quarantinedBy: string | null;
  protected: boolean;
  urlCache: boolean;
  userId: string | null;
};

export type MediaUsage = { userId: string; displayname: string | null; files: number; bytes: number };

export type SortDir = "asc" | "desc";
export type UserMediaOrder = "created_ts" | "last_access_ts" | "media_length" | "media_type" | "upload_name" | "media_id";
export type UsageOrder = "media_length" | "media_count" | "user_id" | "displayname";

const ADMIN = "/_synapse/admin/v1";
/** Deleting thousands of files is slow on Synapse's side; these calls get a longer timeout. */
export const LONG_CALL_MS = 30 * 60 * 1000;

function toFile(raw: RawUserMedia, server: string, localServer: string): MediaFile {
  return {
    server,
    mediaId: raw.media_id,
    local: server === localServer,
    type: raw.media_type ?? "application/octet-stream",
    size: raw.media_length ?? 0,
    uploadName: raw.upload_name,
    createdTs: raw.created_ts,
    lastAccessTs: raw.last_access_ts,
    quarantinedBy: raw.quarantined_by,
    protected: Boolean(raw.safe_from_quarantine),
    urlCache: Boolean(raw.url_cache),
    userId: raw.user_id ?? null,
  };
}

// ---- reads ----

export type UserMediaPage = { files: MediaFile[]; total: number; nextFrom: number | null };

/** One page of a local user's uploads. */
export async function listUserMedia(
  creds: SynapseCredentials,
  userId: string,
  opts: { from: number; limit: number; orderBy?: UserMediaOrder; dir?: SortDir },
): Promise<UserMediaPage> {
  const server = serverNameOf(userId);
  const page = await synapseFetch<RawUserMediaPage>(creds, `${ADMIN}/users/${encodeId(userId)}/media`, {
    query: userMediaQuery(opts),
  });
  return {
    files: page.media.map((m) => toFile(m, server, server)),
    total: page.total,
    nextFrom: page.next_token ?? null,
  };
}

function userMediaQuery(opts: { from: number; limit: number; orderBy?: UserMediaOrder; dir?: SortDir }) {
  return {
    from: opts.from,
    limit: opts.limit,
    order_by: opts.orderBy ?? "created_ts",
    dir: (opts.dir ?? "desc") === "asc" ? "f" : "b",
  };
}

/** One file's details; null when Synapse does not know it. */
export async function getMediaFile(creds: SynapseCredentials, localServer: string, server: string, mediaId: string): Promise<MediaFile | null> {
  return on404(async () => {
    const r = await synapseFetch<RawMediaInfo>(creds, `${ADMIN}/media/${encodeId(server)}/${encodeId(mediaId)}`);
    return toFile(r.media_info, server, localServer);
  }, null);
}

/** Media referenced by events of a room (Synapse gives only mxc URIs). */
export async function listRoomMediaRefs(creds: SynapseCredentials, roomId: string): Promise<{ server: string; mediaId: string; local: boolean }[]> {
  const r = await synapseFetch<{ local: string[]; remote: string[] }>(creds, `${ADMIN}/room/${encodeId(roomId)}/media`);
  const out: { server: string; mediaId: string; local: boolean }[] = [];
  for (const [uris, local] of [[r.local, true], [r.remote, false]] as const) {
    for (const uri of uris) {
      const ref = parseMxc(uri);
      if (ref) out.push({ ...ref, local });
    }
  }
  return out;
}

export type UsagePage = { users: MediaUsage[]; total: number; nextFrom: number | null };

/** Per-user media statistics (local users with at least one file). */
export async function listMediaUsage(
  creds: SynapseCredentials,
  opts: { from: number; limit: number; orderBy?: UsageOrder; dir?: SortDir; search?: string; createdBefore?: number },
): Promise<UsagePage> {
  const page = await synapseFetch<RawUsagePage>(creds, `${ADMIN}/statistics/users/media`, {
    query: {
      from: opts.from,
      limit: opts.limit,
      order_by: opts.orderBy ?? "media_length",
      dir: (opts.dir ?? "desc") === "asc" ? "f" : "b",
      search_term: opts.search || undefined,
      until_ts: opts.createdBefore,
    },
  });
  return {
    users: page.users.map((u) => ({ userId: u.user_id, displayname: u.displayname, files: u.media_count, bytes: u.media_length })),
    total: page.total,
    nextFrom: page.next_token ?? null,
  };
}

// ---- changes ----

/** Deletes one local file; false when it was already gone. */
export async function deleteMediaFile(creds: SynapseCredentials, server: string, mediaId: string): Promise<boolean> {
  return on404(async () => {
    const r = await synapseFetch<RawDeleted>(creds, `${ADMIN}/media/${encodeId(server)}/${encodeId(mediaId)}`, { method: "DELETE" });
    return r.total > 0;
  }, false);
}

/** Deletes exactly the files of one page of a user's list (Synapse deletes what the same GET would show). */
export async function deleteUserMediaPage(
  creds: SynapseCredentials,
  userId: string,
  opts: { from: number; limit: number; orderBy?: UserMediaOrder; dir?: SortDir },
): Promise<string[]> {
  const r = await synapseFetch<RawDeleted>(creds, `${ADMIN}/users/${encodeId(userId)}/media`, {
    method: "DELETE",
    query: userMediaQuery(opts),
    timeoutMs: LONG_CALL_MS,
  });
  return r.deleted_media;
}

const USER_PAGE = 100;

/**
 * Deletes every file a user uploaded, a page at a time (Synapse deletes one page per call), oldest first
 * so new uploads cannot shift the page between listing it and deleting it. Started again (after a
 * takeover), it finds only what is left: what is deleted is gone from the list, so nothing goes twice.
 */
export async function deleteAllUserMedia(
  creds: SynapseCredentials,
  userId: string,
  keepGoing: () => boolean = () => true,
  onPage?: (p: { deleted: number; bytes: number; left: number }) => Promise<void>,
): Promise<{ files: number; bytes: number }> {
  const order = { orderBy: "created_ts", dir: "asc" } as const;
  let from = 0;
  let stalls = 0;
  const total = { files: 0, bytes: 0 };
  while (keepGoing()) {
    const page = await listUserMedia(creds, userId, { from, limit: USER_PAGE, ...order });
    if (page.files.length === 0) break;
    const sizes = new Map(page.files.map((f) => [f.mediaId, f.size]));
    const deleted = await deleteUserMediaPage(creds, userId, { from, limit: USER_PAGE, ...order });
    const bytes = deleted.reduce((s, id) => s + (sizes.get(id) ?? 0), 0);
    total.files += deleted.length;
    total.bytes += bytes;
    await onPage?.({ deleted: deleted.length, bytes, left: page.total - deleted.length });
    // Files Synapse could not remove stay in the list: step over them instead of looping forever.
    const left = page.files.length - deleted.length;
    if (left > 0) {
      from += left;
      if (++stalls > 1000) throw new Error("user media deletion made no progress");
    }
  }
  return total;
}

/** Server-wide deletion by last access (or upload time when never accessed) and size. */
export async function deleteMediaByDate(
  creds: SynapseCredentials,
  f: { beforeTs: number; sizeGt: number; keepProfiles: boolean },
): Promise<string[]> {
  const r = await synapseFetch<RawDeleted>(creds, `${ADMIN}/media/delete`, {
    method: "POST",
    query: { before_ts: f.beforeTs, size_gt: f.sizeGt, keep_profiles: f.keepProfiles },
    timeoutMs: LONG_CALL_MS,
  });
  return r.deleted_media;
}

/** Drops cached copies of remote media last accessed before the time; returns how many. */
export async function purgeRemoteMediaCache(creds: SynapseCredentials, beforeTs: number): Promise<number> {
  const r = await synapseFetch<{ deleted: number }>(creds, `${ADMIN}/purge_media_cache`, {
    method: "POST",
    query: { before_ts: beforeTs },
    timeoutMs: LONG_CALL_MS,
  });
  return r.deleted;
}

/** Synapse also (un)quarantines every other local file with the same content hash. */
export async function setMediaQuarantined(creds: SynapseCredentials, server: string, mediaId: string, on: boolean): Promise<void> {
  await synapseFetch(creds, `${ADMIN}/media/${on ? "quarantine" : "unquarantine"}/${encodeId(server)}/${encodeId(mediaId)}`, { method: "POST" });
}

/** Protected files are skipped by quarantine and by deletion by date. Local files only. */
export async function setMediaProtected(creds: SynapseCredentials, mediaId: string, on: boolean): Promise<void> {
  await synapseFetch(creds, `${ADMIN}/media/${on ? "protect" : "unprotect"}/${encodeId(mediaId)}`, { method: "POST" });
}

/** Quarantines every file a local user uploaded; returns how many were newly quarantined. */
export async function quarantineUserMedia(creds: SynapseCredentials, userId: string): Promise<number> {
  const r = await synapseFetch<{ num_quarantined: number }>(creds, `${ADMIN}/user/${encodeId(userId)}/media/quarantine`, { method: "POST" });
  return r.num_quarantined;
}

/** Quarantines the media referenced in a room (the count includes same-hash copies). */
export async function quarantineRoomMedia(creds: SynapseCredentials, roomId: string): Promise<number> {
  const r = await synapseFetch<{ num_quarantined: number }>(creds, `${ADMIN}/room/${encodeId(roomId)}/media/quarantine`, { method: "POST" });
  return r.num_quarantined;
}
