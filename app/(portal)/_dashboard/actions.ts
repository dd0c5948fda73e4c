"use server";
// The dashboard: recompute the stored user activity figures now.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { requestActivitySnapshot } from "@/lib/jobs/dashboard-activity";
import { activityRefreshSchema } from "@/lib/schemas/dashboard";

export const refreshActivityAction = adminAction(
  // It only reads Synapse, so anyone who may see the dashboard may ask for fresh figures.
  { role: "viewer", schema: activityRefreshSchema, audit: () => ({ action: "dashboard.refresh-activity" }) },
  async (_i, admin) => {
    const outcome = await requestActivitySnapshot(admin, { force: true });
    revalidatePath("/");
    return outcome;
  },
);
