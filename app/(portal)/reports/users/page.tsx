import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { listAllUserReports } from "@/lib/synapse/user-reports";
import { REPORTS_READ_CAP } from "@/lib/synapse/reports";
import { arrangeReports, REPORTS_PAGE_SIZE } from "@/lib/schemas/reports";
import { REPORT_STATUSES, USER_REPORT_SORTS, userReportListHref, userReportListQuerySchema } from "@/lib/schemas/user-reports";
import { formatCount, formatDateTime } from "@/lib/format";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { DataTable, Pager } from "@/app/(portal)/_components/data-table";
import { UserLink } from "@/app/(portal)/_components/user-link";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { ReportStatusCell } from "../_components/report-status-cell";
import { ReportTabs } from "../_components/report-tabs";

export default async function UserReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = userReportListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listAllUserReports(admin.creds, { target: q.target, reporter: q.reporter }));
  const reports = (list.data?.reports ?? []).map((r) => ({ ...r, score: null }));
  const resolutions = await forHomeserver(admin.homeserver).reportTriage.get(reports.map((r) => r.id), "user");
  const arranged = arrangeReports(reports, (id) => resolutions.has(id), q.status, q.sort);
  const unresolved = reports.filter((r) => !resolutions.has(r.id)).length;
  const pages = Math.max(1, Math.ceil(arranged.length / REPORTS_PAGE_SIZE));
  const rows = arranged.slice((q.page - 1) * REPORTS_PAGE_SIZE, q.page * REPORTS_PAGE_SIZE);
  const targets = [...new Set(rows.filter((r) => !resolutions.has(r.id)).map((r) => r.target))];

  return (
    <section className="flex flex-col gap-4">
      <ReportTabs current="users" />
      <h1 className="text-2xl font-semibold">Reported users</h1>
      <FilterForm label="Filter user reports" clearHref="/reports/users" submit="Apply" action="/reports/users">
        <SelectFilter name="status" label="Status" value={q.status} options={REPORT_STATUSES} />
        <SelectFilter name="sort" label="Sort" value={q.sort} options={USER_REPORT_SORTS} />
        <TextFilter name="target" label="Reported user" value={q.target} placeholder="@spammer:example.org" />
        <TextFilter name="reporter" label="Reporter" value={q.reporter} placeholder="@alice:example.org" />
      </FilterForm>
      <ErrorCard message={list.error} />
      <p className="text-sm text-muted" data-testid="user-reports-summary">
        {formatCount(reports.length)} reports{q.target ? ` about ${q.target}` : ""}
        {q.reporter ? ` by ${q.reporter}` : ""}, {formatCount(unresolved)} unresolved. Unresolved reports come first.
        {list.data?.truncated && ` Only the newest ${formatCount(REPORTS_READ_CAP)} of ${formatCount(list.data.total)} are shown.`}
      </p>
      {targets.length > 0 && (
        <p className="text-sm">
          <Link href={`/users/cleanup?users=${targets.map(encodeURIComponent).join(",")}`} className="underline" data-testid="cleanup-reported">
            Spam clean-up of the {formatCount(targets.length)} users reported in the unresolved reports shown
          </Link>
        </p>
      )}
      <DataTable columns={["Status", "Received (UTC)", "Reported user", "Reporter", "Reason"]} rowCount={rows.length} empty="No user reports match.">
        {rows.map((r) => {
          const res = resolutions.get(r.id);
          return (
            <tr key={r.id} className="border-b border-line align-top" data-testid="user-report-row" data-report-id={r.id}>
              <ReportStatusCell href={`/reports/users/${r.id}`} resolution={res} />
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(new Date(r.receivedTs))}</td>
              <td className="py-2 pr-3 break-all">
                <UserLink userId={r.target} />
              </td>
              <td className="py-2 pr-3 break-all">
                <UserLink userId={r.reporter} />
              </td>
              <td className="py-2 pr-3 break-words" data-testid="report-reason">
                {r.reason ?? "—"}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pager page={q.page} pages={pages} href={(p) => userReportListHref(q, { page: p })} />
    </section>
  );
}
