"use server";
// Finding a user by e-mail, phone or SSO id (read-only: not audited).
import { adminAction } from "@/lib/actions/admin-action";
import { findUserSchema } from "@/lib/schemas/moderation";
import { findUserByExternalId, findUserByThreepid } from "@/lib/synapse/user-lookup";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { msg } from "@/lib/i18n/message";

// The user's id, or a refusal that says nobody has it.
export const findUserAction = adminAction({ role: "viewer", schema: findUserSchema }, async (i, admin) => {
  if (i.by === "threepid") {
    const userId = await findUserByThreepid(admin.creds, i.threepid.medium, i.threepid.address);
    if (!userId) throw new PortalRefusal("NOT_FOUND", msg("users.find.noThreepid", { medium: i.threepid.medium, address: i.threepid.address }));
    return { userId };
  }
  const userId = await findUserByExternalId(admin.creds, i.external.authProvider, i.external.externalId);
  if (!userId) throw new PortalRefusal("NOT_FOUND", msg("users.find.noExternal", { externalId: i.external.externalId, provider: i.external.authProvider }));
  return { userId };
});
