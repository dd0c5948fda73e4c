import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { listAllUserReports } from "@/lib/synapse/user-reports";
import { inboxPage } from "@/lib/schemas/reports";
import { userReportListHref, userReportListQuerySchema } from "@/lib/schemas/user-reports";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { DataTable, Pager } from "@/app/(portal)/_components/data-table";
import { UserCell } from "@/app/(portal)/_components/user-link";
import { ReportStatusCell } from "../_components/report-status-cell";
import { InboxFilter, InboxSummary, ReportTabs } from "../_components/report-tabs";

export default async function UserReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const t = await getTranslations("reports");
  const f = await getFormat();
  const q = userReportListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listAllUserReports(admin.creds, { target: q.target, reporter: q.reporter }));
  const reports = (list.data?.reports ?? []).map((r) => ({ ...r, score: null }));
  const resolutions = await forHomeserver(admin.homeserver).reportTriage.get(reports.map((r) => r.id), "user");
  const { rows, pages, unresolved } = inboxPage(reports, (id) => resolutions.has(id), q);
  const targets = [...new Set(rows.filter((r) => !resolutions.has(r.id)).map((r) => r.target))];

  return (
    <section className="flex flex-col gap-4">
      <ReportTabs current="users" />
      <InboxFilter current="users" q={q} />
      <InboxSummary testId="user-reports-summary" count={reports.length} scope={[q.target && t("scope.about", { user: q.target }), q.reporter && t("scope.by", { user: q.reporter })]} unresolved={unresolved} list={list} />
      {targets.length > 0 && (
        <p className="text-sm">
          <Link href={`/users/cleanup?users=${targets.map(encodeURIComponent).join(",")}`} className="underline" data-testid="cleanup-reported">
            {t("users.cleanup", { count: targets.length, total: f.count(targets.length) })}
          </Link>
        </p>
      )}
      <DataTable columns={[t("columns.status"), t("columns.received"), t("columns.target"), t("columns.reporter"), t("columns.reason")]}
        rowCount={rows.length}
        empty={t("users.empty")}>
        {rows.map((r) => {
          const res = resolutions.get(r.id);
          return (
            <tr key={r.id} className="border-b border-line align-top" data-testid="user-report-row" data-report-id={r.id}>
              <ReportStatusCell href={`/reports/users/${r.id}`} resolution={res} />
              <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(new Date(r.receivedTs))}</td>
              <UserCell userId={r.target} />
              <UserCell userId={r.reporter} />
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
