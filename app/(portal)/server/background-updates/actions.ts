"use server";
// Background updates: pause/resume them, and start one of Synapse's two documented jobs.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { setBackgroundUpdatesEnabled, startBackgroundJob } from "@/lib/synapse/background-updates";
import { backgroundEnabledSchema, backgroundJobSchema } from "@/lib/schemas/background-updates";

export const setBackgroundUpdatesEnabledAction = adminAction(
  { role: "owner", schema: backgroundEnabledSchema, audit: (i) => ({ action: i.enabled ? "background-updates.resume" : "background-updates.pause" }) },
  async (i, admin) => {
    const enabled = await setBackgroundUpdatesEnabled(admin.creds, i.enabled);
    revalidatePath("/server/background-updates");
    return { enabled };
  },
);

export const startBackgroundJobAction = adminAction(
  { role: "owner", schema: backgroundJobSchema, audit: (i) => ({ action: "background-updates.start-job", target: i.job }) },
  async (i, admin) => {
    await startBackgroundJob(admin.creds, i.job);
    revalidatePath("/server/background-updates");
    return null;
  },
);
