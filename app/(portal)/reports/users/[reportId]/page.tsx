import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { getUserReport } from "@/lib/synapse/user-reports";
import { formatDateTime } from "@/lib/format";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { UserLink } from "@/app/(portal)/_components/user-link";
import { MissingReport } from "../../_components/report-status-cell";
import { UserReportActions } from "../../_components/user-report-actions";

export default async function UserReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const admin = await requireAdmin();
  const raw = (await params).reportId;
  const reportId = /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const report = reportId ? await readForPage(() => getUserReport(admin.creds, reportId)) : { data: null, error: null };
  const back = (
    <Link href="/reports/users" className="text-sm">
      ← All user reports
    </Link>
  );
  if (!reportId || !report.data) {
    return <MissingReport back={back} title={`User report ${raw}`} error={report.error} what="user report" />;
  }
  const r = report.data;
  const resolution = (await forHomeserver(admin.homeserver).reportTriage.get([r.id], "user")).get(r.id);
  return (
    <section className="flex flex-col gap-4">
      {back}
      <h1 className="text-2xl font-semibold">User report {r.id}</h1>
      <p data-testid="report-resolution" className={resolution ? "text-ok" : "font-medium"}>
        {resolution ? `Resolved by ${resolution.resolvedBy} on ${formatDateTime(resolution.resolvedAt)}` : "Unresolved"}
      </p>
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">Reported</dt>
        <dd>{formatDateTime(new Date(r.receivedTs))}</dd>
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
      </dl>
      <section className="card" aria-label="Actions">
        <UserReportActions reportId={r.id} resolved={Boolean(resolution)} />
      </section>
    </section>
  );
}
