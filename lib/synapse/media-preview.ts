import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { parseMxc } from "@/lib/matrix/mxc";
import { listMediaUsage, listUserMedia, type MediaFile, type UsagePage, type UserMediaPage } from "./media";
import { mapPool } from "@/lib/pool";
import { msg } from "@/lib/i18n/message";

export type DeletionFilters = { beforeTs: number; sizeGt: number; keepProfiles: boolean };

export type DeletionPreview = {
  /** Local files the deletion would remove, and their bytes. */
  files: number;
  bytes: number;
  /** Files that match the date and size but are kept: used as an avatar, protected or quarantined. */
  keptAsAvatar: number;
  keptProtected: number;
  keptQuarantined: number;
  /** Users with files uploaded before the date, and how many of them were read. */
  usersWithOldMedia: number;
  usersRead: number;
  /** Why the numbers may be incomplete; empty when every candidate was read. */
  partial: string[];
  /** Limits that hold even for a complete preview. */
  caveats: string[];
  requests: number;
  elapsedMs: number;
};

/** The preview plus every candidate's size, so a deletion can report the bytes it freed. */
export type DeletionScan = DeletionPreview & { sizeById: Map<string, number> };

export type ScanOptions = { concurrency?: number; budgetMs?: number };

const USAGE_PAGE = 1000;
const LIST_PAGE = 1000;
const ROOM_PAGE = 500;
/** Beyond this many rooms, room avatars are not looked up one by one (and the preview says so). */
const MAX_ROOMS_CHECKED = 2000;
const DEFAULT_BUDGET_MS = 25_000;
const DEFAULT_CONCURRENCY = 8;

/**
 * What Synapse's delete-by-date would remove, computed from the media lists: Synapse has no dry run.
 * Mirrors its rule: last access before the time (or upload, when never accessed), larger than the size,
 * not quarantined, not protected, and with keep_profiles not used as a user's or room's avatar.
 * Only users with files uploaded before the time are read (a file last accessed before it was
 * necessarily uploaded before it), each with one request in upload order.
 */
export async function scanMediaForDeletion(
  creds: SynapseCredentials,
  localServer: string,
  f: DeletionFilters,
  opts: ScanOptions = {},
): Promise<DeletionScan> {
  const started = Date.now();
  const deadline = started + (opts.budgetMs ?? DEFAULT_BUDGET_MS);
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  let requests = 0;
  const counted = <T>(p: Promise<T>): Promise<T> => {
    requests++;
    return p;
  };
  const partial: string[] = [];
  const caveats: string[] = [];

  const [candidates, avatars] = await Promise.all([
    usersWithMediaBefore(creds, f.beforeTs, counted),
    f.keepProfiles ? avatarMediaIds(creds, localServer, concurrency, counted, partial) : Promise.resolve(new Set<string>()),
  ]);
  // A user whose old files add up to no more than the size limit has no file above it.
  const toRead = candidates.filter((u) => u.userId && (f.sizeGt === 0 || u.bytes > f.sizeGt));
  const orphanFiles = candidates.filter((u) => !u.userId).reduce((s, u) => s + u.files, 0);
  if (orphanFiles > 0) partial.push(`${orphanFiles} old files belong to no user account and were not examined.`);

  const result: DeletionScan = {
    files: 0,
    bytes: 0,
    keptAsAvatar: 0,
    keptProtected: 0,
    keptQuarantined: 0,
    usersWithOldMedia: candidates.length,
    usersRead: 0,
    partial,
    caveats,
    requests: 0,
    elapsedMs: 0,
    sizeById: new Map(),
  };
  let failedUsers = 0;

  await mapPool(
    toRead,
    concurrency,
    async (u) => {
      try {
        for (const file of await oldFilesOf(creds, u.userId, u.files, f.beforeTs, counted)) {
          result.sizeById.set(file.mediaId, file.size);
          tally(result, file, f, avatars);
        }
        result.usersRead++;
      } catch {
        failedUsers++;
      }
    },
    () => Date.now() > deadline,
  );

  const skipped = toRead.length - result.usersRead - failedUsers;
  if (skipped > 0) {
    partial.push(msg("media.preview.stopped", { seconds: Math.round((Date.now() - started) / 1000), read: result.usersRead, count: toRead.length }));
  }
  if (failedUsers > 0) partial.push(msg("media.preview.usersUnreadable", { count: failedUsers }));
  if (f.keepProfiles) {
    caveats.push(msg("media.preview.roomAvatarCaveat"));
  }
  result.usersRead += f.sizeGt > 0 ? candidates.length - toRead.length : 0;
  result.requests = requests;
  result.elapsedMs = Date.now() - started;
  return result;
}

/** The preview alone, for the browser (the per-file sizes stay on the server). */
export async function previewMediaDeletion(creds: SynapseCredentials, localServer: string, f: DeletionFilters, opts: ScanOptions = {}): Promise<DeletionPreview> {
  const { sizeById: _sizes, ...preview } = await scanMediaForDeletion(creds, localServer, f, opts);
  return preview;
}

function tally(r: DeletionScan, file: MediaFile, f: DeletionFilters, avatars: Set<string>): void {
  const lastUse = file.lastAccessTs ?? file.createdTs;
  if (!(lastUse < f.beforeTs) || !(file.size > f.sizeGt)) return;
  if (f.keepProfiles && avatars.has(file.mediaId)) r.keptAsAvatar++;
  else if (file.quarantinedBy) r.keptQuarantined++;
  else if (file.protected) r.keptProtected++;
  else {
    r.files++;
    r.bytes += file.size;
  }
}

type Counter = <T>(p: Promise<T>) => Promise<T>;

async function usersWithMediaBefore(creds: SynapseCredentials, beforeTs: number, counted: Counter) {
  const out: { userId: string; files: number; bytes: number }[] = [];
  if (beforeTs <= 1) return out;
  for (let from: number | null = 0; from !== null; ) {
    const page: UsagePage = await counted(
      listMediaUsage(creds, { from, limit: USAGE_PAGE, orderBy: "user_id", dir: "asc", createdBefore: beforeTs - 1 }),
    );
    out.push(...page.users.map((u) => ({ userId: u.userId, files: u.files, bytes: u.bytes })));
    from = page.users.length === 0 ? null : page.nextFrom;
  }
  return out;
}

/** The user's files uploaded before the time: the first `count` of the list in upload order. */
async function oldFilesOf(creds: SynapseCredentials, userId: string, count: number, beforeTs: number, counted: Counter): Promise<MediaFile[]> {
  const out: MediaFile[] = [];
  for (let from: number | null = 0; from !== null; ) {
    const page: UserMediaPage = await counted(listUserMedia(creds, userId, { from, limit: Math.min(LIST_PAGE, Math.max(1, count - out.length)), orderBy: "created_ts", dir: "asc" }));
    for (const file of page.files) {
      if (file.createdTs >= beforeTs) return out;
      out.push(file);
    }
    // Uploads are never back-dated, so once `count` old files are in, there are no more.
    if (page.files.length === 0 || out.length >= count) break;
    from = page.nextFrom;
  }
  return out;
}

type RawUsers = { users: { avatar_url: string | null }[]; next_token?: string };
type RawRooms = { rooms: { room_id: string }[]; next_batch?: number; total_rooms: number };

/** Local media ids used as a user's profile avatar or as a room's avatar. */
async function avatarMediaIds(
  creds: SynapseCredentials,
  localServer: string,
  concurrency: number,
  counted: Counter,
  partial: string[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  const add = (uri: string | null | undefined) => {
    const ref = uri ? parseMxc(uri) : null;
    if (ref && ref.server === localServer) ids.add(ref.mediaId);
  };
  const profiles = async () => {
    for (let from: string | null = "0"; from !== null; ) {
      const page: RawUsers = await counted(
        synapseFetch<RawUsers>(creds, "/_synapse/admin/v3/users", { query: { from, limit: USAGE_PAGE, locked: true } }),
      );
      page.users.forEach((u) => add(u.avatar_url));
      from = page.users.length === 0 ? null : (page.next_token ?? null);
    }
  };
  const rooms = async () => {
    const roomIds: string[] = [];
    for (let from: number | null = 0; from !== null; ) {
      const page: RawRooms = await counted(synapseFetch<RawRooms>(creds, "/_synapse/admin/v1/rooms", { query: { from, limit: ROOM_PAGE } }));
      roomIds.push(...page.rooms.map((r) => r.room_id));
      from = page.rooms.length === 0 || roomIds.length >= MAX_ROOMS_CHECKED ? null : (page.next_batch ?? null);
    }
    if (roomIds.length >= MAX_ROOMS_CHECKED) {
      partial.push(msg("media.preview.roomsCapped", { count: MAX_ROOMS_CHECKED }));
      roomIds.length = MAX_ROOMS_CHECKED;
    }
    let unreadable = 0;
    await mapPool(roomIds, concurrency, async (roomId) => {
      try {
        const room = await counted(synapseFetch<{ avatar?: string | null }>(creds, `/_synapse/admin/v1/rooms/${encodeId(roomId)}`));
        add(room.avatar);
      } catch {
        unreadable++; // deleted meanwhile, or a transient failure
      }
    });
    if (unreadable > 0) partial.push(msg("media.preview.roomsUnreadable", { count: unreadable }));
  };
  await Promise.all([profiles(), rooms()]);
  return ids;
}
