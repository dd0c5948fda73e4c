import "server-only";
import { db } from "./client";

export type Resolution = { resolvedBy: string; resolvedAt: Date };
/** Synapse keeps event reports and user reports in two id spaces: a resolution names which one. */
export type ReportKind = "event" | "user";

/** Resolution of each given report on one homeserver; reports missing from the map are unresolved. */
export async function getResolutions(homeserver: string, reportIds: number[], kind: ReportKind = "event"): Promise<Map<number, Resolution>> {
  const rows = await db().reportTriage.findMany({ where: { homeserver, kind, reportId: { in: reportIds } } });
  return new Map(rows.map((r) => [r.reportId, { resolvedBy: r.resolvedBy, resolvedAt: r.resolvedAt }]));
}

/** Marks a report resolved; resolving again keeps the first resolver and time. */
export async function resolveReport(homeserver: string, reportId: number, actor: string, kind: ReportKind = "event"): Promise<Resolution> {
  const row = await db().reportTriage.upsert({
    where: { homeserver_kind_reportId: { homeserver, kind, reportId } },
    create: { homeserver, kind, reportId, resolvedBy: actor },
    update: {},
  });
  return { resolvedBy: row.resolvedBy, resolvedAt: row.resolvedAt };
}

/** Back to unresolved (also used when the report itself is deleted from Synapse). */
export async function clearReportResolution(homeserver: string, reportId: number, kind: ReportKind = "event"): Promise<void> {
  await db().reportTriage.deleteMany({ where: { homeserver, kind, reportId } });
}
