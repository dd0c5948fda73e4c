"use server";
// User report triage: resolved state in the portal's database (its own id space), deletion in Synapse.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { forHomeserver } from "@/lib/db/tenant";
import { deleteUserReport } from "@/lib/synapse/user-reports";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { msg } from "@/lib/i18n/message";
import { reportIdSchema, reportResolveSchema } from "@/lib/schemas/reports";

// Marks a user report resolved (who and when) or back to unresolved.
export const setUserReportResolvedAction = adminAction(
  { role: "operator", schema: reportResolveSchema, audit: (i) => ({ action: i.resolved ? "user-report.resolve" : "user-report.reopen", target: String(i.reportId) }) },
  async (i, admin) => {
    if (i.resolved) await forHomeserver(admin.homeserver).reportTriage.resolve(i.reportId, admin.actor, "user");
    else await forHomeserver(admin.homeserver).reportTriage.clear(i.reportId, "user");
    revalidatePath("/reports/users", "layout");
    return { resolved: i.resolved };
  },
);

// Deletes the user report from Synapse (the reported user is not touched).
export const deleteUserReportAction = adminAction(
  { role: "operator", schema: reportIdSchema, audit: (i) => ({ action: "user-report.delete", target: String(i.reportId) }) },
  async (i, admin) => {
    if (!(await deleteUserReport(admin.creds, i.reportId))) throw new PortalRefusal("NOT_FOUND", msg("reports.errors.noSuchUserReport"));
    await forHomeserver(admin.homeserver).reportTriage.clear(i.reportId, "user");
    revalidatePath("/reports/users", "layout");
    return null;
  },
);
