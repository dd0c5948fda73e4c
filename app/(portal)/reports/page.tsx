import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { listAllEventReports, REPORTS_READ_CAP } from "@/lib/synapse/reports";
import { arrangeReports, REPORT_SORTS, REPORT_STATUSES, REPORTS_PAGE_SIZE, reportListHref, reportListQuerySchema } from "@/lib/schemas/reports";
import { formatCount, formatDateTime } from "@/lib/format";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { DataTable, Pager } from "@/app/(portal)/_components/data-table";
import { RoomLink, UserLink } from "@/app/(portal)/_components/user-link";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { ReportStatusCell } from "./_components/report-status-cell";
import { ReportTabs } from "./_components/report-tabs";

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = reportListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listAllEventReports(admin.creds, { roomId: q.room, sender: q.sender }));
  const reports = list.data?.reports ?? [];
  const resolutions = await forHomeserver(admin.homeserver).reportTriage.get(reports.map((r) => r.id));
  const arranged = arrangeReports(reports, (id) => resolutions.has(id), q.status, q.sort);
  const unresolved = reports.filter((r) => !resolutions.has(r.id)).length;
  const pages = Math.max(1, Math.ceil(arranged.length / REPORTS_PAGE_SIZE));
  const rows = arranged.slice((q.page - 1) * REPORTS_PAGE_SIZE, q.page * REPORTS_PAGE_SIZE);

  return (
    <section className="flex flex-col gap-4">
      <ReportTabs current="events" />
      <h1 className="text-2xl font-semibold">Reported events</h1>
      <FilterForm label="Filter reports" clearHref="/reports" submit="Apply">
        <SelectFilter name="status" label="Status" value={q.status} options={REPORT_STATUSES} />
        <SelectFilter name="sort" label="Sort" value={q.sort} options={REPORT_SORTS} />
        <TextFilter name="room" label="Room ID" value={q.room} placeholder="!abc:example.org" />
        <TextFilter name="sender" label="Sender" value={q.sender} placeholder="@spammer:example.org" />
      </FilterForm>
      <ErrorCard message={list.error} />
      <p className="text-sm text-muted" data-testid="reports-summary">
        {formatCount(reports.length)} reports{q.room ? ` in ${q.room}` : ""}
        {q.sender ? ` about ${q.sender}` : ""}, {formatCount(unresolved)} unresolved. Unresolved reports come first.
        {list.data?.truncated && ` Only the newest ${formatCount(REPORTS_READ_CAP)} of ${formatCount(list.data.total)} are shown.`}
      </p>
      <DataTable columns={["Status", "Received (UTC)", "Room", "Sender", "Reporter", "Reason", "Score"]} rowCount={rows.length} empty="No reports match.">
        {rows.map((r) => {
          const res = resolutions.get(r.id);
          return (
            <tr key={r.id} className="border-b border-line align-top" data-testid="report-row" data-report-id={r.id}>
              <ReportStatusCell href={`/reports/${r.id}`} resolution={res} />
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(new Date(r.receivedTs))}</td>
              <td className="py-2 pr-3 break-all">
                <RoomLink roomId={r.roomId}>{r.roomName ?? r.roomAlias ?? r.roomId}</RoomLink>
              </td>
              <td className="py-2 pr-3 break-all">
                <UserLink userId={r.sender} />
              </td>
              <td className="py-2 pr-3 break-all">
                <UserLink userId={r.reporter} />
              </td>
              <td className="py-2 pr-3 break-words" data-testid="report-reason">
                {r.reason ?? "—"}
              </td>
              <td className="py-2 pr-3">{r.score ?? "—"}</td>
            </tr>
          );
        })}
      </DataTable>
      <Pager page={q.page} pages={pages} href={(p) => reportListHref(q, { page: p })} />
    </section>
  );
}
