// Refusals the portal makes itself about users, before anything is sent to Synapse. Client-safe.
import { PortalRefusal } from "./describe-error";
import { serverNameOf } from "@/lib/matrix/mxid";
import { msg } from "@/lib/i18n/message";

/** The admin API manages only this homeserver's users. */
export function assertLocalUser(userId: string, actor: string): void {
  const mine = serverNameOf(actor);
  if (serverNameOf(userId) !== mine) {
    throw new PortalRefusal("REMOTE_USER", msg("user.refusals.remoteUser", { userId, server: mine }));
  }
}

/** Deactivating, demoting, locking (and the like) yourself would lock you out of the portal. */
/** What the admin was about to do to their own account (the sentence is user.refusals.self in the catalogue). */
export type SelfAction = "deactivate" | "lock" | "suspend" | "shadowBan" | "logInAs" | "cleanUp" | "demote";

export function assertNotSelf(userId: string, actor: string, what: SelfAction): void {
  if (userId === actor) throw new PortalRefusal("SELF_PROTECTION", msg("user.refusals.self", { what }));
}
