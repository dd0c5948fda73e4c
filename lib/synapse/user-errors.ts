// Refusals the portal makes itself about users, before anything is sent to Synapse. Client-safe.
import { PortalRefusal } from "./describe-error";
import { serverNameOf } from "@/lib/matrix/mxid";

/** The admin API manages only this homeserver's users. */
export function assertLocalUser(userId: string, actor: string): void {
  const mine = serverNameOf(actor);
  if (serverNameOf(userId) !== mine) {
    throw new PortalRefusal("REMOTE_USER", `${userId} is not a user of this homeserver (${mine}); only local users can be managed here.`);
  }
}

/** Deactivating, demoting, locking (and the like) yourself would lock you out of the portal. */
export function assertNotSelf(userId: string, actor: string, what: string): void {
  if (userId === actor) throw new PortalRefusal("SELF_PROTECTION", `You cannot ${what} your own account.`);
}
