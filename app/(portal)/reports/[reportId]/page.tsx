import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { serverNameOf } from "@/lib/matrix/mxid";
import { getEventReport } from "@/lib/synapse/reports";
import { formatDateTime } from "@/lib/format";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { JsonDetails } from "@/app/(portal)/_components/json-details";
import { RoomLink, UserLink } from "@/app/(portal)/_components/user-link";
import { can } from "@/lib/roles";
import { DeleteReportButton, RedactEventForm, ResolveToggle } from "../_components/report-actions";
import { MissingReport } from "../_components/report-status-cell";

export default async function ReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const admin = await requireAdmin();
  const raw = (await params).reportId;
  const reportId = /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const report = reportId ? await readForPage(() => getEventReport(admin.creds, reportId)) : { data: null, error: null };
  const back = (
    <Link href="/reports" className="text-sm">
      ← All reports
    </Link>
  );
  if (!reportId || !report.data) {
    return <MissingReport back={back} title={`Report ${raw}`} error={report.error} what="report" />;
  }
  const r = report.data;
  const resolution = (await forHomeserver(admin.homeserver).reportTriage.get([r.id])).get(r.id);

  return (
    <section className="flex flex-col gap-4">
      {back}
      <h1 className="text-2xl font-semibold">Report {r.id}</h1>
      <p data-testid="report-resolution" className={resolution ? "text-ok" : "font-medium"}>
        {resolution ? `Resolved by ${resolution.resolvedBy} on ${formatDateTime(resolution.resolvedAt)}` : "Unresolved"}
      </p>
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">Reported</dt>
        <dd>{formatDateTime(new Date(r.receivedTs))}</dd>
        <dt className="text-muted">Reporter</dt>
        <dd className="break-all"><UserLink userId={r.reporter} /></dd>
        <dt className="text-muted">Reason</dt>
        <dd data-testid="report-reason">{r.reason ?? "—"}</dd>
        <dt className="text-muted">Score</dt>
        <dd>{r.score ?? "—"} <span className="text-muted">(-100 is the most offensive, 0 inoffensive)</span></dd>
        <dt className="text-muted">Room</dt>
        <dd className="break-all">
          <RoomLink roomId={r.roomId}>{r.roomName ?? r.roomAlias ?? r.roomId}</RoomLink>
        </dd>
        <dt className="text-muted">Sender</dt>
        <dd className="break-all">
          <UserLink userId={r.sender} /> <span className="text-muted">(open the user to lock, suspend or deactivate them)</span>
        </dd>
        <dt className="text-muted">Event</dt>
        <dd className="break-all">
          <span className="font-mono text-xs">{r.eventId}</span> · {r.eventType}
          {r.eventTs !== null && ` · sent ${formatDateTime(new Date(r.eventTs))}`}
        </dd>
        <dt className="text-muted">Content</dt>
        <dd data-testid="reported-content" className="break-words">
          {r.eventSummary || "—"}
        </dd>
      </dl>
      <JsonDetails json={r.eventJson} summary="The reported event (JSON)" />
      {can(admin.role, "operator") && (
        <section className="card flex flex-col gap-4" aria-label="Actions">
          <ResolveToggle reportId={r.id} resolved={Boolean(resolution)} />
          <RedactEventForm reportId={r.id} localSender={serverNameOf(r.sender) === serverNameOf(admin.actor)} />
          <DeleteReportButton reportId={r.id} />
        </section>
      )}
    </section>
  );
}
