"use server";
// Report triage endpoints: resolved state in the portal's database, deletion and redaction in Synapse.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { forHomeserver } from "@/lib/db/tenant";
import { serverNameOf } from "@/lib/matrix/mxid";
import { deleteEventReport, redactReportedEvent } from "@/lib/synapse/reports";
import { reportIdSchema, reportRedactSchema, reportResolveSchema } from "@/lib/schemas/reports";

// Marks a report resolved (who and when) or back to unresolved.
export const setReportResolvedAction = adminAction(
  { role: "operator", schema: reportResolveSchema, audit: (i) => ({ action: i.resolved ? "report.resolve" : "report.reopen", target: String(i.reportId) }) },
  async (i, admin) => {
    if (i.resolved) await forHomeserver(admin.homeserver).reportTriage.resolve(i.reportId, admin.actor);
    else await forHomeserver(admin.homeserver).reportTriage.clear(i.reportId);
    revalidatePath("/reports", "layout");
    return { resolved: i.resolved };
  },
);

// Deletes the report from Synapse (the reported event stays).
export const deleteReportAction = adminAction(
  { role: "operator", schema: reportIdSchema, audit: (i) => ({ action: "report.delete", target: String(i.reportId) }) },
  async (i, admin) => {
    await deleteEventReport(admin.creds, i.reportId);
    revalidatePath("/reports", "layout");
    return null;
  },
);

// Redacts the reported event.
export const redactReportedEventAction = adminAction(
  { role: "operator", schema: reportRedactSchema, audit: (i) => ({ action: "report.redact-event", target: String(i.reportId), params: { reason: i.reason } }) },
  async (i, admin) => {
    const r = await redactReportedEvent(admin.creds, i.reportId, { adminUserId: admin.actor, localServer: serverNameOf(admin.actor), reason: i.reason || undefined });
    revalidatePath("/reports", "layout");
    return r;
  },
);
