import Link from "next/link";
import { forHomeserver, type JobStatus } from "@/lib/db/tenant";
import { formatCount, formatDateTime } from "@/lib/format";
import { jobPage } from "@/lib/jobs/job-pages";
import { DataTable, Pager } from "@/app/(portal)/_components/data-table";
import { startedByLabel } from "@/lib/jobs/jobs";

const COLUMNS = ["Job", "Kind", "Started by", "When", "Status", { label: "Progress", align: "right" as const }, "Cancelled by"];
export const RUNTIME_STATUSES: JobStatus[] = ["queued", "running", "paused", "cancelling", "completed", "stopped", "cancelled", "failed"];
const PAGE_SIZE = 25;

/** Jobs of the runtime (bulk user actions, broadcasts, ...), newest first, each linked to its page. */
export async function RuntimeJobs(props: { homeserver: string; status?: string; actor?: string; page: number; href: (page: number) => string }) {
  const status = RUNTIME_STATUSES.find((s) => s === props.status);
  const { rows, total } = await forHomeserver(props.homeserver).jobs.list(
    { ...(status ? { statuses: [status] } : {}), ...(props.actor ? { actor: props.actor } : {}) },
    { skip: (props.page - 1) * PAGE_SIZE, take: PAGE_SIZE },
  );
  return (
    <div className="flex flex-col gap-2">
      <h2 className="text-lg font-semibold">Bulk actions and broadcasts</h2>
      <p className="text-sm text-muted" data-testid="runtime-jobs-total">
        {formatCount(total)} bulk actions and broadcasts, newest first
      </p>
      <DataTable columns={COLUMNS} rowCount={rows.length} empty="No bulk actions or broadcasts match.">
        {rows.map((j) => {
          const page = jobPage(j.kind, j.id);
          return (
            <tr key={j.id} className="border-b border-line align-top" data-testid="runtime-job-row" data-kind={j.kind}>
              <td className="py-2 pr-3 whitespace-nowrap">{page.href ? <Link href={page.href} className="underline">{`Job #${j.id}`}</Link> : `Job #${j.id}`}</td>
              <td className="py-2 pr-3">{page.label}</td>
              <td className="py-2 pr-3">{startedByLabel(j)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(j.createdAt)}</td>
              <td className="py-2 pr-3" data-testid="runtime-job-status">
                {j.status}
              </td>
              <td className="py-2 pr-3 text-right whitespace-nowrap">
                {formatCount(j.done)} / {j.total === null ? "?" : formatCount(j.total)}
                {j.failed > 0 && <div className="text-xs text-danger">{formatCount(j.failed)} failed</div>}
              </td>
              <td className="py-2 pr-3">{j.cancelledBy ?? ""}</td>
            </tr>
          );
        })}
      </DataTable>
      <Pager page={props.page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} href={props.href} previous="Newer" next="Older" />
    </div>
  );
}
