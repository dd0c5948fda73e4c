import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { listAllEventReports } from "@/lib/synapse/reports";
import { inboxPage, reportListHref, reportListQuerySchema } from "@/lib/schemas/reports";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { DataTable, Pager } from "@/app/(portal)/_components/data-table";
import { RoomLink, UserCell } from "@/app/(portal)/_components/user-link";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { ReportStatusCell } from "./_components/report-status-cell";
import { InboxFilter, InboxSummary, ReportTabs } from "./_components/report-tabs";

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const t = await getTranslations("reports");
  const f = await getFormat();
  const q = reportListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listAllEventReports(admin.creds, { roomId: q.room, sender: q.sender }));
  const reports = list.data?.reports ?? [];
  const resolutions = await forHomeserver(admin.homeserver).reportTriage.get(reports.map((r) => r.id));
  const { rows, pages, unresolved } = inboxPage(reports, (id) => resolutions.has(id), q);

  return (
    <section className="flex flex-col gap-4">
      <ReportTabs current="events" />
      <InboxFilter current="events" q={q} />
      <InboxSummary testId="reports-summary" count={reports.length} scope={[q.room && t("scope.inRoom", { room: q.room }), q.sender && t("scope.about", { user: q.sender })]} unresolved={unresolved} list={list} />
      <DataTable columns={[t("columns.status"), t("columns.received"), t("columns.room"), t("columns.sender"), t("columns.reporter"), t("columns.reason"), t("columns.score")]}
        rowCount={rows.length}
        empty={t("events.empty")}>
        {rows.map((r) => {
          const res = resolutions.get(r.id);
          return (
            <tr key={r.id} className="border-b border-line align-top" data-testid="report-row" data-report-id={r.id}>
              <ReportStatusCell href={`/reports/${r.id}`} resolution={res} />
              <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(new Date(r.receivedTs))}</td>
              <td className="py-2 pr-3 break-all">
                <RoomLink roomId={r.roomId}>{r.roomName ?? r.roomAlias ?? r.roomId}</RoomLink>
              </td>
              <UserCell userId={r.sender} />
              <UserCell userId={r.reporter} />
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
