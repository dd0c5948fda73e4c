import { requireAdmin } from "@/lib/auth/require-admin";
import { serverNameOf } from "@/lib/matrix/mxid";
import { getEventReport } from "@/lib/synapse/reports";
import { getTranslations } from "next-intl/server";
import { getFormat, getMessageRenderer } from "@/lib/i18n/server";
import { JsonDetails } from "@/app/(portal)/_components/json-details";
import { RoomLink, UserLink } from "@/app/(portal)/_components/user-link";
import { can } from "@/lib/roles";
import { DeleteReportButton, RedactEventForm, ResolveToggle } from "../_components/report-actions";
import { ReportDetail } from "../_components/report-detail";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function ReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const admin = await requireAdmin();
  const t = await getTranslations("reports");
  const f = await getFormat();
  const render = await getMessageRenderer();
  return (
    <ReportDetail
      raw={(await params).reportId}
      homeserver={admin.homeserver}
      kind="event"
      read={(id) => getEventReport(admin.creds, id)}
      back={{ href: "/reports", label: t("events.back") }}
      title={(id) => t("events.reportTitle", { id })}
      rows={(r) => (
        <>
          <dt className="text-muted">{t("columns.reporter")}</dt>
          <dd className="break-all"><UserLink userId={r.reporter} /></dd>
          <dt className="text-muted">{t("columns.reason")}</dt>
          <dd data-testid="report-reason">{r.reason ?? "—"}</dd>
          <dt className="text-muted">{t("columns.score")}</dt>
          <dd>{r.score ?? "—"} <span className="text-muted">{t("detail.scoreHelp")}</span></dd>
          <dt className="text-muted">{t("columns.room")}</dt>
          <dd className="break-all">
            <RoomLink roomId={r.roomId}>{r.roomName ?? r.roomAlias ?? r.roomId}</RoomLink>
          </dd>
          <dt className="text-muted">{t("columns.sender")}</dt>
          <dd className="break-all">
            <UserLink userId={r.sender} /> <span className="text-muted">{t("detail.senderHelp")}</span>
          </dd>
          <dt className="text-muted">{t("detail.event")}</dt>
          <dd className="break-all">
            <span className="font-mono text-xs">{r.eventId}</span> · {render(r.eventType)}
            {r.eventTs !== null && ` · ${t("detail.sent", { at: f.dateTime(new Date(r.eventTs)) })}`}
          </dd>
          <dt className="text-muted">{t("detail.content")}</dt>
          <dd data-testid="reported-content" className="break-words">
            {render(r.eventSummary) || "—"}
          </dd>
        </>
      )}
    >
      {(r, resolution) => (
        <>
          <JsonDetails json={r.eventJson} summary={t("detail.json")} />
          {can(admin.role, "operator") && (
            <section className="card flex flex-col gap-4" aria-label={t("detail.actions")}>
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

export default withClientMessages("(portal)/reports/[reportId]", ReportPage);
