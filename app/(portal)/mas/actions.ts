"use server";
// MAS's admin API: ending a session (the device leaves Synapse with it). Needs the urn:mas:admin scope.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { finishMasSession } from "@/lib/synapse/mas-admin";
import { masSessionRefSchema } from "@/lib/schemas/mas";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { msg } from "@/lib/i18n/message";

// Ends one MAS session (OAuth 2.0): its tokens stop working and Synapse forgets its device.
export const finishMasSessionAction = adminAction(
  { role: "operator", schema: masSessionRefSchema, audit: (i) => ({ action: "mas.session.finish", target: i.sessionId }) },
  async (i, admin) => {
    if (!admin.masIssuer || !admin.scopes.includes("urn:mas:admin")) throw new PortalRefusal("NO_MAS_ADMIN", msg("mas.errors.noMasAdmin"));
    await finishMasSession(admin.masIssuer, admin.creds.accessToken, i.sessionId);
    revalidatePath("/mas");
  },
);
