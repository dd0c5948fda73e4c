import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError, nullIfNotFound } from "./errors";
import { inactiveRanges, sliceRanges, type Range } from "./user-inactive";
import { assertLocalUser, assertNotSelf } from "./user-errors";
import { PortalRefusal } from "./describe-error";
import { generatePassword } from "./user-password";
import { assertPasswordAllowed, getPasswordPolicy } from "./password-policy";
import { uploadAvatarImage } from "./user-avatar";
import type { UsersFilter } from "@/lib/schemas/users";
import { parseMxc, type MediaRef } from "@/lib/matrix/mxc";

// ---------- Raw Synapse shapes (private) ----------

type RawListUser = {
  name: string;
  user_type: string | null;
  is_guest: boolean | number;
  admin: boolean | number;
  deactivated: boolean | number;
  shadow_banned: boolean | number;
  displayname: string | null;
  avatar_url: string | null;
  creation_ts: number; // ms in the list
  erased: boolean;
  last_seen_ts: number | null;
  locked: boolean;
};
type RawList = { users: RawListUser[]; total: number; next_token?: string };
type RawUser = Omit<RawListUser, "creation_ts"> & {
  creation_ts: number; // seconds in the single-user GET
  suspended?: boolean;
  appservice_id: string | null;
  threepids: { medium: string; address: string; validated_at: number; added_at: number }[];
  external_ids: { auth_provider: string; external_id: string }[];
};

// ---------- App-level types ----------


export type UserSummary = {
  userId: string;
  localpart: string;
  displayname: string | null;
  avatarUrl: string | null;
  /** The avatar as a file on a server, for the portal's media proxy; null when absent or not an mxc URI. */
  avatar: MediaRef | null;
  userType: string | null;
  isGuest: boolean;
  admin: boolean;
  deactivated: boolean;
  locked: boolean;
  shadowBanned: boolean;
  erased: boolean;
  createdAt: number; // ms
  lastSeenAt: number | null; // ms
};

export type UserDetail = UserSummary & {
  suspended: boolean;
  appserviceId: string | null;
  threepids: { medium: string; address: string; validatedAt: number; addedAt: number }[];
  externalIds: { authProvider: string; externalId: string }[];
};

export type UsersPage = { users: UserSummary[]; total: number };

function toSummary(u: RawListUser, createdAtMs: number): UserSummary {
  return {
    userId: u.name,
    localpart: u.name.slice(1, u.name.indexOf(":")),
    displayname: u.displayname ?? null,
    avatarUrl: u.avatar_url ?? null,
    avatar: parseMxc(u.avatar_url),
    userType: u.user_type ?? null,
    isGuest: Boolean(u.is_guest),
    admin: Boolean(u.admin),
    deactivated: Boolean(u.deactivated),
    locked: Boolean(u.locked),
    shadowBanned: Boolean(u.shadow_banned),
    erased: Boolean(u.erased),
    createdAt: createdAtMs,
    lastSeenAt: u.last_seen_ts ?? null,
  };
}

// ---------- List ----------

const LIST_PATH = "/_synapse/admin/v3/users";

/** The list filter as Synapse's v3 query (v3: `deactivated` unset = all, true = only, false = none). */
export function listQuery(f: UsersFilter) {
  const byId = f.q.startsWith("@") || f.q.includes(":");
  const notTypes: string[] = [];
  for (const t of f.hide) notTypes.push(t === "regular" ? "" : t);
  const inactive = f.inactive !== undefined;
  return {
    ...(f.q ? (byId ? { user_id: f.q } : { name: f.q }) : {}),
    guests: f.guests === "include",
    ...(f.deactivated !== "all" ? { deactivated: f.deactivated === "only" } : {}),
    ...(f.admins !== "all" ? { admins: f.admins === "only" } : {}),
    // Synapse hides locked users unless asked; the portal shows them by default.
    locked: f.locked === "include",
    ...(notTypes.length ? { not_user_type: notTypes } : {}),
    // The inactivity filter works on the ascending last-seen order (see user-inactive.ts).
    order_by: inactive ? "last_seen_ts" : f.sort,
    dir: inactive || f.dir === "asc" ? "f" : "b",
  };
}

async function fetchList(creds: SynapseCredentials, f: UsersFilter, offset: number, limit: number, signal?: AbortSignal): Promise<RawList> {
  return synapseFetch<RawList>(creds, LIST_PATH, { query: { ...listQuery(f), from: offset, limit }, signal });
}

/** Offset ranges of the filtered list that hold users inactive since the filter's cutoff. */
async function inactiveWindow(creds: SynapseCredentials, f: UsersFilter, now: number): Promise<{ ranges: Range[]; count: number }> {
  const cutoff = now - (f.inactive ?? 0) * 24 * 60 * 60 * 1000;
  return inactiveRanges(async (offset, limit) => {
    const page = await fetchList(creds, f, offset, limit);
    return { total: page.total, lastSeen: page.users.map((u) => u.last_seen_ts ?? null) };
  }, cutoff);
}

/** One page of the list: server-side filtering, sorting and paging. */
export async function listUsers(
  creds: SynapseCredentials,
  f: UsersFilter,
  page: { offset: number; limit: number },
  now = Date.now(),
): Promise<UsersPage> {
  if (f.inactive === undefined) {
    const raw = await fetchList(creds, f, page.offset, page.limit);
    return { users: raw.users.map((u) => toSummary(u, u.creation_ts)), total: raw.total };
  }
  const window = await inactiveWindow(creds, f, now);
  const users: UserSummary[] = [];
  for (const slice of sliceRanges(window.ranges, page.offset, page.limit)) {
    const raw = await fetchList(creds, f, slice.offset, slice.limit);
    users.push(...raw.users.map((u) => toSummary(u, u.creation_ts)));
  }
  return { users, total: window.count };
}

/**
 * Every user matching the filter, in pages (the CSV export and "all matching" bulk actions).
 * Offsets shift if users are created meanwhile; the export is a snapshot "as the pages were read".
 */
export async function* iterateUsers(
  creds: SynapseCredentials,
  f: UsersFilter,
  opts: { batch?: number; signal?: AbortSignal; now?: number } = {},
): AsyncGenerator<UserSummary[]> {
  const batch = opts.batch ?? 500;
  const ranges: Range[] =
    f.inactive === undefined ? [[0, Number.MAX_SAFE_INTEGER]] : (await inactiveWindow(creds, f, opts.now ?? Date.now())).ranges;
  for (const [start, end] of ranges) {
    for (let offset = start; offset < end; offset += batch) {
      const raw = await fetchList(creds, f, offset, Math.min(batch, end - offset), opts.signal);
      if (raw.users.length > 0) yield raw.users.map((u) => toSummary(u, u.creation_ts));
      if (raw.users.length < Math.min(batch, end - offset) || offset + raw.users.length >= raw.total) break;
    }
  }
}

// ---------- One user ----------

const userPath = (userId: string) => `/_synapse/admin/v2/users/${encodeId(userId)}`;

function toDetail(u: RawUser): UserDetail {
  return {
    ...toSummary(u, u.creation_ts * 1000),
    suspended: Boolean(u.suspended),
    appserviceId: u.appservice_id ?? null,
    threepids: (u.threepids ?? []).map((t) => ({ medium: t.medium, address: t.address, validatedAt: t.validated_at, addedAt: t.added_at })),
    externalIds: (u.external_ids ?? []).map((e) => ({ authProvider: e.auth_provider, externalId: e.external_id })),
  };
}

/** The user, or null when this homeserver has no such user. */
export async function getUser(creds: SynapseCredentials, userId: string): Promise<UserDetail | null> {
  return nullIfNotFound(async () => toDetail(await synapseFetch<RawUser>(creds, userPath(userId))));
}

export type Availability = { available: true } | { available: false; reason: string };

/** Whether a localpart can be registered (Synapse also checks reserved namespaces and case-insensitive clashes). */
export async function checkUsernameAvailable(creds: SynapseCredentials, localpart: string): Promise<Availability> {
  try {
    await synapseFetch(creds, "/_synapse/admin/v1/username_available", { query: { username: localpart } });
    return { available: true };
  } catch (e) {
    if (isSynapseError(e, "M_USER_IN_USE")) return { available: false, reason: "That user name is already taken." };
    if (isSynapseError(e, "M_INVALID_USERNAME") || isSynapseError(e, "M_EXCLUSIVE")) return { available: false, reason: e.error };
    throw e;
  }
}

export type ActorContext = { creds: SynapseCredentials; actor: string };

/** The user, which must be local and exist: otherwise a refusal that names it (and nothing is changed). */
export async function requireExistingUser(ctx: ActorContext, userId: string): Promise<UserDetail> {
  assertLocalUser(userId, ctx.actor);
  const user = await getUser(ctx.creds, userId);
  if (!user) throw new PortalRefusal("M_NOT_FOUND", `There is no user ${userId} on this homeserver.`);
  return user;
}

export type NewUser = {
  localpart: string;
  displayname: string;
  /** "generate": a random password, returned once; "none": no password (SSO-only, or set later). */
  passwordMode: "set" | "generate" | "none";
  password: string;
  admin: boolean;
  userType: string;
  avatarUrl?: string | null;
  threepids?: { medium: string; address: string }[];
  externalIds?: { authProvider: string; externalId: string }[];
};

/** 3PIDs and SSO links in Synapse's words (the whole list: Synapse replaces what the user had). */
/** Without `threepids` (MAS owns them) none are sent, so Synapse keeps the user's current ones. */
function linksBody(threepids: { medium: string; address: string }[] | undefined, externalIds: { authProvider: string; externalId: string }[]) {
  return {
    ...(threepids && { threepids: threepids.map((t) => ({ medium: t.medium, address: t.address })) }),
    external_ids: externalIds.map((e) => ({ auth_provider: e.authProvider, external_id: e.externalId })),
  };
}

/** Creates a user; refuses (and sends no create) when the name is taken, so nobody is overwritten. */
export async function createUser(ctx: ActorContext, u: NewUser): Promise<{ userId: string; generatedPassword: string | null }> {
  const serverName = ctx.actor.slice(ctx.actor.indexOf(":") + 1);
  const userId = `@${u.localpart}:${serverName}`;
  const availability = await checkUsernameAvailable(ctx.creds, u.localpart);
  if (!availability.available) {
    throw new PortalRefusal("M_USER_IN_USE", availability.reason === "That user name is already taken." ? `${userId} already exists; open it to edit it instead.` : availability.reason);
  }
  if (u.passwordMode === "set") await assertPasswordAllowed(ctx.creds.baseUrl, u.password);
  const body: Record<string, unknown> = { admin: u.admin, displayname: u.displayname || u.localpart };
  const generatedPassword = u.passwordMode === "generate" ? generatePassword(await getPasswordPolicy(ctx.creds.baseUrl)) : null;
  if (u.passwordMode !== "none") body.password = generatedPassword ?? u.password;
  if (u.userType) body.user_type = u.userType;
  if (u.avatarUrl) body.avatar_url = u.avatarUrl;
  if (u.threepids?.length || u.externalIds?.length) Object.assign(body, linksBody(u.threepids ?? [], u.externalIds ?? []));
  let status = 0;
  await synapseFetch(ctx.creds, userPath(userId), { method: "PUT", body, onStatus: (s) => (status = s) });
  if (status === 200) {
    // 200 instead of 201: someone created the user between the check and this call, and the PUT changed it.
    throw new PortalRefusal("M_USER_IN_USE", `${userId} was created by someone else a moment ago, and these settings were applied to it. Check the user.`);
  }
  return { userId, generatedPassword };
}

export type UserChanges = {
  userId: string;
  displayname: string;
  admin: boolean;
  userType: string;
  /** Undefined leaves them as they are. */
  threepids?: { medium: string; address: string }[];
  externalIds: { authProvider: string; externalId: string }[];
};

/** Edits an existing user; never creates one (Synapse's PUT would). */
export async function updateUser(ctx: ActorContext, c: UserChanges): Promise<void> {
  const current = await requireExistingUser(ctx, c.userId);
  if (current.admin && !c.admin) assertNotSelf(c.userId, ctx.actor, "demote");
  await synapseFetch(ctx.creds, userPath(c.userId), {
    method: "PUT",
    body: {
      displayname: c.displayname,
      admin: c.admin,
      user_type: c.userType || null,
      ...linksBody(c.threepids, c.externalIds),
    },
  });
}

/** Sets (or with null, removes) the avatar of an existing user. */
export async function setUserAvatar(ctx: ActorContext, userId: string, avatarUrl: string | null): Promise<void> {
  await requireExistingUser(ctx, userId);
  await synapseFetch(ctx.creds, userPath(userId), { method: "PUT", body: { avatar_url: avatarUrl ?? "" } });
}

/** Uploads the image (as the admin) and makes it the user's avatar. */
export async function uploadUserAvatar(ctx: ActorContext, userId: string, file: Blob, filename: string): Promise<{ avatarUrl: string }> {
  await requireExistingUser(ctx, userId);
  const avatarUrl = await uploadAvatarImage(ctx.creds, file, file.type, filename);
  await synapseFetch(ctx.creds, userPath(userId), { method: "PUT", body: { avatar_url: avatarUrl } });
  return { avatarUrl };
}
