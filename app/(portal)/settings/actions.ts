"use server";
// The homeserver's portal settings. Owner only; audited with the old and new value.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { forHomeserver } from "@/lib/db/tenant";
import { managedUsersSettingSchema } from "@/lib/schemas/settings";

// Saves (or clears, when empty) the regex that marks bridge and bot users as managed on this homeserver.
export const saveManagedUsersAction = adminAction(
  { role: "owner", schema: managedUsersSettingSchema, audit: (i) => ({ action: "settings.managed-users", params: { pattern: i.pattern || null } }) },
  async (i, admin) => {
    await forHomeserver(admin.homeserver).settings.setManagedUserPattern(i.pattern || null, admin.actor);
    revalidatePath("/", "layout");
    return { pattern: i.pattern || null };
  },
);
