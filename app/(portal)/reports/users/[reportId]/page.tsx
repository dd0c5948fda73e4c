import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getUserReport } from "@/lib/synapse/user-reports";
import { UserLink } from "@/app/(portal)/_components/user-link";
import { ReportDetail } from "../../_components/report-detail";
import { UserReportActions } from "../../_components/user-report-actions";

export default async function UserReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const admin = await requireAdmin();
  return (
    <ReportDetail
      raw={(await params).reportId}
      homeserver={admin.homeserver}
      kind="user"
      read={(id) => getUserReport(admin.creds, id)}
      back={{ href: "/reports/users", label: "All user reports" }}
      title="User report"
      what="user report"
      rows={(r) => (
        <>
          <dt className="text-muted">Reported user</dt>
          <dd className="break-all">
            <UserLink userId={r.target} /> ·{" "}
            <Link href={`/users/cleanup?users=${encodeURIComponent(r.target)}`} className="underline">
              Spam clean-up
            </Link>
          </dd>
          <dt className="text-muted">Reporter</dt>
          <dd className="break-all">
            <UserLink userId={r.reporter} />
          </dd>
          <dt className="text-muted">Reason</dt>
          <dd data-testid="report-reason">{r.reason ?? "—"}</dd>
        </>
      )}
    >
      {(r, resolution) => (
        <>
          <section className="card" aria-label="Actions">
            <UserReportActions reportId={r.id} resolved={Boolean(resolution)} />
          </section>
        </>
      )}
    </ReportDetail>
  );
}
