import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError, on404 } from "./errors";
import type { Threepid } from "@/lib/matrix/threepid";

/** What the portal knows about an existing user (from the user list, plus threepids when fetched). */
export type ExistingUser = {
  displayname: string | null;
  admin: boolean;
  deactivated: boolean;
  locked: boolean;
  userType: string | null;
  avatarUrl: string | null;
  threepids?: Threepid[];
};

// The CSV import's own calls: list every user once, read one user, create or update one, and mint the
// job's own access token. Raw Synapse shapes stay in this file.

type RawListedUser = {
  name: string;
  displayname?: string | null;
  admin?: boolean | number;
  deactivated?: boolean | number;
  locked?: boolean | number;
  user_type?: string | null;
  avatar_url?: string | null;
};
type RawUserList = { users: RawListedUser[]; next_token?: string | number; total?: number };
type RawUser = RawListedUser & { threepids?: { medium: string; address: string }[] };

const PAGE_SIZE = 1000;

function toExisting(u: RawListedUser): ExistingUser {
  return {
    displayname: u.displayname ?? null,
    admin: Boolean(u.admin),
    deactivated: Boolean(u.deactivated),
    locked: Boolean(u.locked),
    userType: u.user_type ?? null,
    avatarUrl: u.avatar_url ?? null,
  };
}

export type UserSnapshot = {
  /** every user id on the server, including deactivated, locked and guest accounts */
  ids: Set<string>;
  /** details of the users the caller asked about */
  details: Map<string, ExistingUser>;
};

/**
 * Every account on the server in one pass over the user list (1000 per page), instead of one
 * request per row. Details are kept only for `wanted` ids, so memory stays small on big servers.
 */
export async function snapshotUsers(
  creds: SynapseCredentials,
  wanted: (userId: string) => boolean,
  signal?: AbortSignal,
): Promise<UserSnapshot> {
  const ids = new Set<string>();
  const details = new Map<string, ExistingUser>();
  let guests: boolean | undefined = true;
  let from = "0";
  for (;;) {
    let page: RawUserList;
    try {
      page = await synapseFetch<RawUserList>(creds, "/_synapse/admin/v2/users", {
        query: { from, limit: PAGE_SIZE, deactivated: true, locked: true, guests, order_by: "name" },
        signal,
        timeoutMs: 60_000,
      });
    } catch (e) {
      // Under delegated auth (MAS) Synapse refuses guests=true: there are no guests to list then.
      if (guests && isSynapseError(e, "M_INVALID_PARAM") && from === "0") {
        guests = false;
        continue;
      }
      throw e;
    }
    for (const u of page.users) {
      ids.add(u.name);
      if (wanted(u.name)) details.set(u.name, toExisting(u));
    }
    if (page.next_token === undefined || page.next_token === null || page.users.length === 0) break;
    from = String(page.next_token);
  }
  return { ids, details };
}

/** One user with threepids, or null when there is none. */
export async function getImportUser(creds: SynapseCredentials, userId: string, signal?: AbortSignal): Promise<ExistingUser | null> {
  return on404(async () => {
    const u = await synapseFetch<RawUser>(creds, `/_synapse/admin/v2/users/${encodeId(userId)}`, { signal });
    return {
      ...toExisting(u),
      threepids: (u.threepids ?? [])
        .filter((t) => t.medium === "email" || t.medium === "msisdn")
        .map((t) => ({ medium: t.medium as "email" | "msisdn", address: t.address })),
    };
  }, null);
}

/**
 * PUT /_synapse/admin/v2/users/<id>: Synapse answers 201 when it created the user and 200 when it
 * changed an existing one.
 */
export async function putImportUser(
  creds: SynapseCredentials,
  userId: string,
  body: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<"created" | "updated"> {
  let status = 0;
  await synapseFetch(creds, `/_synapse/admin/v2/users/${encodeId(userId)}`, {
    method: "PUT",
    body,
    signal,
    timeoutMs: 60_000,
    onStatus: (s) => (status = s),
  });
  return status === 201 ? "created" : "updated";
}

/**
 * A token of the admin's own for a job, so the job survives the admin signing out: Synapse issues a
 * login token from the session (login_via_existing_session) and the portal logs in with it as a new
 * device. Returns null when the server does not offer this (the job then uses the session's token).
 */
export async function mintJobToken(creds: SynapseCredentials, deviceName: string): Promise<string | null> {
  let loginToken: string;
  try {
    const issued = await synapseFetch<{ login_token?: string }>(creds, "/_matrix/client/v1/login/get_token", {
      method: "POST",
      body: {},
      // Synapse allows one login token per minute; a second job meanwhile uses the session's token.
      rateLimitRetries: 0,
    });
    if (!issued.login_token) return null;
    loginToken = issued.login_token;
  } catch (e) {
    // 404: disabled on this server; 401 with flows: it wants interactive auth, which a job cannot do.
    if (isSynapseError(e) && (e.status === 404 || e.status === 400 || e.status === 429 || (e.status === 401 && e.errcode !== "M_UNKNOWN_TOKEN"))) return null;
    throw e;
  }
  const login = await synapseFetch<{ access_token: string }>({ baseUrl: creds.baseUrl }, "/_matrix/client/v3/login", {
    method: "POST",
    body: { type: "m.login.token", token: loginToken, initial_device_display_name: deviceName },
    rateLimitRetries: 1,
  });
  return login.access_token;
}
