"use server";
// The users list: create, name availability, bulk actions. Each: adminAction → one lib call → revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/admin-action";
import { adminFlagRefusal } from "@/lib/roles";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { localpartField } from "@/lib/schemas/fields";
import { bulkStartSchema, userCreateSchema } from "@/lib/schemas/users";
import { checkUsernameAvailable, createUser } from "@/lib/synapse/users";
import { startBulkFromInput } from "@/lib/jobs/user-bulk";

/** Creates a user; a taken name is refused, never overwritten. A generated password is returned once. */
export const createUserAction = adminAction(
  {
    role: "operator",
    schema: userCreateSchema,
    masOwned: (i) => (i.passwordMode === "none" ? null : "passwords"),
    audit: (i, a) => ({
      action: "user.create",
      target: `@${i.localpart}:${a.actor.slice(a.actor.indexOf(":") + 1)}`,
      params: { displayname: i.displayname, admin: i.admin, userType: i.userType, passwordMode: i.passwordMode, threepids: i.threepids.length, externalIds: i.externalIds.map((e) => e.authProvider) },
    }),
  },
  async (i, a) => {
    const refused = adminFlagRefusal(a.role, false, i.admin);
    if (refused) throw new PortalRefusal("FORBIDDEN", refused);
    const r = await createUser(a, { ...i, password: i.password });
    revalidatePath("/users");
    return r;
  },
);

/** Read-only: lets the create form say "taken" before the admin submits. */
export const checkUsernameAction = adminAction({ role: "viewer", schema: z.object({ localpart: localpartField }) }, (i, a) =>
  checkUsernameAvailable(a.creds, i.localpart),
);

/** Starts a bulk action as a job of the runtime; the page then follows /users/bulk/<id> (Cancel: jobs/actions.ts). */
export const startBulkUsersAction = adminAction(
  {
    role: "operator",
    schema: bulkStartSchema,
    audit: (i) => ({
      action: `user.bulk.${i.action}.start`,
      params: { count: i.expectedCount, filter: i.filter ?? null, users: i.userIds.slice(0, 50) },
    }),
  },
  async (i, a) => {
    const r = await startBulkFromInput(a, i);
    revalidatePath("/users");
    return r;
  },
);
