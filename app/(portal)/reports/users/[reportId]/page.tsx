import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getUserReport } from "@/lib/synapse/user-reports";
import { UserLink } from "@/app/(portal)/_components/user-link";
import { ReportDetail } from "../../_components/report-detail";
import { UserReportActions } from "../../_components/user-report-actions";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function UserReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const admin = await requireAdmin();
  const t = await getTranslations("reports");
  return (
    <ReportDetail
      raw={(await params).reportId}
      homeserver={admin.homeserver}
      kind="user"
      read={(id) => getUserReport(admin.creds, id)}
      back={{ href: "/reports/users", label: t("users.back") }}
      title={(id) => t("users.reportTitle", { id })}
      rows={(r) => (
        <>
          <dt className="text-muted">{t("columns.target")}</dt>
          <dd className="break-all">
            <UserLink userId={r.target} /> ·{" "}
            <Link href={`/users/cleanup?users=${encodeURIComponent(r.target)}`} className="underline">
              {t("users.cleanupOne")}
            </Link>
          </dd>
          <dt className="text-muted">{t("columns.reporter")}</dt>
          <dd className="break-all">
            <UserLink userId={r.reporter} />
          </dd>
          <dt className="text-muted">{t("columns.reason")}</dt>
          <dd data-testid="report-reason">{r.reason ?? "—"}</dd>
        </>
      )}
    >
      {(r, resolution) => (
        <>
          <section className="card" aria-label={t("detail.actions")}>
            <UserReportActions reportId={r.id} resolved={Boolean(resolution)} />
          </section>
        </>
      )}
    </ReportDetail>
  );
}

export default withClientMessages("(portal)/reports/users/[reportId]", UserReportPage);
