import { requireAdmin } from "@/lib/auth/require-admin";
import { serverNameOf } from "@/lib/matrix/mxid";
import { getEventReport } from "@/lib/synapse/reports";
import { formatDateTime } from "@/lib/format";
import { JsonDetails } from "@/app/(portal)/_components/json-details";
import { RoomLink, UserLink } from "@/app/(portal)/_components/user-link";
import { can } from "@/lib/roles";
import { DeleteReportButton, RedactEventForm, ResolveToggle } from "../_components/report-actions";
import { ReportDetail } from "../_components/report-detail";

export default async function ReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const admin = await requireAdmin();
  return (
    <ReportDetail
      raw={(await params).reportId}
      homeserver={admin.homeserver}
      kind="event"
      read={(id) => getEventReport(admin.creds, id)}
      back={{ href: "/reports", label: "All reports" }}
      title="Report"
      what="report"
      rows={(r) => (
        <>
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
        </>
      )}
    >
      {(r, resolution) => (
        <>
          <JsonDetails json={r.eventJson} summary="The reported event (JSON)" />
          {can(admin.role, "operator") && (
            <section className="card flex flex-col gap-4" aria-label="Actions">
              <ResolveToggle reportId={r.id} resolved={Boolean(resolution)} />
              <RedactEventForm reportId={r.id} localSender={serverNameOf(r.sender) === serverNameOf(admin.actor)} />
              <DeleteReportButton reportId={r.id} />
            </section>
          )}
        </>
      )}
    </ReportDetail>
  );
}
