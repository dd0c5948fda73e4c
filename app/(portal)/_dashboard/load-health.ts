import "server-only";
import type { AdminContext } from "@/lib/auth/require-admin";
import { listImportJobs } from "@/lib/db/import-jobs";
import { getResolutions } from "@/lib/db/report-triage";
import { listRunningPurgeRecords } from "@/lib/db/purge-history";
import { PURGE_KINDS } from "@/lib/schemas/media";
import { getBackgroundUpdates } from "@/lib/synapse/background-updates";
import { countFailingDestinations } from "@/lib/synapse/federation";
import { listAllEventReports } from "@/lib/synapse/reports";
import { attempt } from "@/app/(portal)/_components/attempt";

/** What the server is doing now, each read on its own so one failure leaves the rest on the dashboard. */
export async function loadServerHealth(admin: AdminContext) {
  const [failing, background, unresolved, imports, purges] = await Promise.all([
    attempt(() => countFailingDestinations(admin.creds)),
    attempt(() => getBackgroundUpdates(admin.creds)),
    attempt(async () => {
      const { reports } = await listAllEventReports(admin.creds);
      const resolved = await getResolutions(admin.homeserver, reports.map((r) => r.id));
      return reports.length - resolved.size;
    }),
    listImportJobs({ homeserver: admin.homeserver, status: "running" }, { skip: 0, take: 0 }).then((r) => r.total),
    listRunningPurgeRecords(admin.homeserver, [...PURGE_KINDS]).then((r) => r.length),
  ]);
  return { failing, background, unresolved, imports, purges };
}
