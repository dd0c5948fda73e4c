// Refusals the portal makes itself, before anything is sent to Synapse. Client-safe.
import { SynapseError } from "./errors";
import { serverNameOf } from "@/lib/matrix/mxid";

/**
 * A SynapseError subclass so the one error mapping (describeError) shows its sentence and the audit
 * log records its code; status 0 marks that Synapse was never asked.
 */
export class UserRefusal extends SynapseError {
  constructor(code: string, message: string) {
    super(0, code, message);
  }
}

/** The admin API manages only this homeserver's users. */
export function assertLocalUser(userId: string, actor: string): void {
  const mine = serverNameOf(actor);
  if (serverNameOf(userId) !== mine) {
    throw new UserRefusal("REMOTE_USER", `${userId} is not a user of this homeserver (${mine}); only local users can be managed here.`);
  }
}

/** Deactivating, demoting, locking (and the like) yourself would lock you out of the portal. */
export function assertNotSelf(userId: string, actor: string, what: string): void {
  if (userId === actor) throw new UserRefusal("SELF_PROTECTION", `You cannot ${what} your own account.`);
}
