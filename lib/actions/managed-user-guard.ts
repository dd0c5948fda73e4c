import "server-only";
import type { AdminContext } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { managedReason } from "@/lib/matrix/managed-users";
import { msg } from "@/lib/i18n/message";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { getUser } from "@/lib/synapse/users";

/** Why the user is managed (a bridge or bot: appservice flag or this homeserver's pattern), or null; a message reference. */
export async function managedUserReason(admin: Pick<AdminContext, "creds" | "homeserver">, userId: string): Promise<string | null> {
  const [user, settings] = await Promise.all([getUser(admin.creds, userId), forHomeserver(admin.homeserver).settings.get()]);
  return managedReason(userId, user?.appserviceId, settings.managedUserPattern);
}

/** A destructive action on a managed user goes ahead only when the admin confirmed it knowing why. */
export async function assertManagedConfirmed(admin: Pick<AdminContext, "creds" | "homeserver">, userId: string, confirmed: boolean, what: string): Promise<void> {
  if (confirmed) return;
  const reason = await managedUserReason(admin, userId);
  if (reason) throw new PortalRefusal("MANAGED_USER", msg("errors.MANAGED_USER", { userId, reason, what }));
}
