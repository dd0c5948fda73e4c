import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError } from "./errors";
import { PortalRefusal } from "./describe-error";
import { assertLocalUser } from "./user-errors";
import type { ActorContext } from "./users";
import { msg } from "@/lib/i18n/message";

// Counters and less common switches on a user: invites sent and rooms joined (since a time), account
// validity, and the one-off allowance to replace cross-signing keys without a password prompt.

const v1User = (userId: string) => `/_synapse/admin/v1/users/${encodeId(userId)}`;

export type UserCounters = { invitesSince: number; invitesAll: number; joinedSince: number; joinedAll: number; sinceMs: number };

export async function getUserCounters(creds: SynapseCredentials, userId: string, sinceMs: number): Promise<UserCounters> {
  const invites = (from: number) => synapseFetch<{ invite_count: number }>(creds, `${v1User(userId)}/sent_invite_count`, { query: { from_ts: from } });
  const joined = (from: number) => synapseFetch<{ cumulative_joined_room_count: number }>(creds, `${v1User(userId)}/cumulative_joined_room_count`, { query: { from_ts: from } });
  const [is, ia, js, ja] = await Promise.all([invites(sinceMs), invites(0), joined(sinceMs), joined(0)]);
  return { invitesSince: is.invite_count, invitesAll: ia.invite_count, joinedSince: js.cumulative_joined_room_count, joinedAll: ja.cumulative_joined_room_count, sinceMs };
}

/**
 * Sets when the account expires (Synapse enforces it only with account_validity in its config). Without a
 * date Synapse extends by its configured period, which fails when there is none: said so.
 */
export async function renewAccountValidity(ctx: ActorContext, userId: string, expiresAt: number | null): Promise<number> {
  assertLocalUser(userId, ctx.actor);
  try {
    const r = await synapseFetch<{ expiration_ts: number }>(ctx.creds, "/_synapse/admin/v1/account_validity/validity", {
      method: "POST",
      body: { user_id: userId, ...(expiresAt !== null ? { expiration_ts: expiresAt } : {}) },
    });
    return r.expiration_ts;
  } catch (e) {
    if (expiresAt === null && isSynapseError(e) && e.status >= 500) {
      throw new PortalRefusal("NO_VALIDITY_PERIOD", msg("user.refusals.noValidityPeriod"));
    }
    throw e;
  }
}

/** Lets the user replace their cross-signing keys without re-authenticating, for 10 minutes (Synapse's window). */
export async function allowCrossSigningReset(ctx: ActorContext, userId: string): Promise<number> {
  assertLocalUser(userId, ctx.actor);
  try {
    const r = await synapseFetch<{ updatable_without_uia_before_ms: number }>(ctx.creds, `${v1User(userId)}/_allow_cross_signing_replacement_without_uia`, { method: "POST", body: {} });
    return r.updatable_without_uia_before_ms;
  } catch (e) {
    if (isSynapseError(e, "M_NOT_FOUND")) throw new PortalRefusal("NO_CROSS_SIGNING", msg("user.refusals.noCrossSigning", { userId }));
    throw e;
  }
}
