import "server-only";
import type { AdminContext } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { MEDIA_JOB_KINDS } from "@/lib/jobs/media-purges";
import { ROOM_JOB_KINDS, UNFINISHED } from "@/lib/jobs/room-tasks";
import { getBackgroundUpdates } from "@/lib/synapse/background-updates";
import { countFailingDestinations } from "@/lib/synapse/federation";
import { listAllEventReports } from "@/lib/synapse/reports";
import { readForPage } from "@/app/(portal)/_components/page-read";

/** What the server is doing now, each read on its own so one failure leaves the rest on the dashboard. */
export async function loadServerHealth(admin: AdminContext) {
  const tenant = forHomeserver(admin.homeserver);
  const unfinished = (kinds: string[]) => tenant.jobs.list({ kinds, statuses: UNFINISHED }, { skip: 0, take: 0 }).then((r) => r.total);
  const [failing, background, unresolved, imports, roomJobs, mediaJobs] = await Promise.all([
    readForPage(() => countFailingDestinations(admin.creds), "failing destinations read"),
    readForPage(() => getBackgroundUpdates(admin.creds), "background updates read"),
    readForPage(async () => {
      const { reports } = await listAllEventReports(admin.creds);
      const resolved = await tenant.reportTriage.get(reports.map((r) => r.id));
      return reports.length - resolved.size;
    }, "unresolved reports read"),
    tenant.importJobs.list({ status: "running" }, { skip: 0, take: 0 }).then((r) => r.total),
    // Jobs of the runtime not yet ended, whichever instance runs them (or will, after a restart).
    unfinished(ROOM_JOB_KINDS),
    unfinished(MEDIA_JOB_KINDS),
  ]);
  return { failing, background, unresolved, imports, roomJobs, mediaJobs };
}
