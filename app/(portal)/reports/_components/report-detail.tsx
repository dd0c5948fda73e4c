// The page of one report (about an event or a user): the report read by the id in the URL, its triage state,
// when it came in, then the page's own rows and actions.
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { forHomeserver } from "@/lib/db/tenant";
import type { ReportKind, Resolution } from "@/lib/db/report-triage";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { MissingReport } from "./report-status-cell";

export async function ReportDetail<R extends { id: number; receivedTs: number }>(props: {
  /** the URL's report id, as typed */
  raw: string;
  homeserver: string;
  kind: ReportKind;
  read: (reportId: number) => Promise<R | null>;
  back: { href: string; label: string };
  /** "Report 3", "User report 3": the title with the id */
  title: (id: string | number) => string;
  /** the detail rows after "Reported" */
  rows: (r: R) => ReactNode;
  /** after the details: the JSON, the actions */
  children: (r: R, resolution: Resolution | undefined) => ReactNode;
}) {
  const { raw } = props;
  const t = await getTranslations("reports.detail");
  const f = await getFormat();
  const reportId = /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const report = reportId ? await readForPage(() => props.read(reportId)) : { data: null, error: null };
  const back = (
    <Link href={props.back.href} className="text-sm">
      ← {props.back.label}
    </Link>
  );
  if (!reportId || !report.data) {
    return <MissingReport back={back} title={props.title(raw)} error={report.error} kind={props.kind} />;
  }
  const r = report.data;
  const resolution = (await forHomeserver(props.homeserver).reportTriage.get([r.id], props.kind)).get(r.id);
  return (
    <section className="flex flex-col gap-4">
      {back}
      <h1 className="text-2xl font-semibold">
        {props.title(r.id)}
      </h1>
      <p data-testid="report-resolution" className={resolution ? "text-ok" : "font-medium"}>
        {resolution ? t("resolvedBy", { by: resolution.resolvedBy, at: f.dateTime(resolution.resolvedAt) }) : t("unresolved")}
      </p>
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">{t("reported")}</dt>
        <dd>{f.dateTime(new Date(r.receivedTs))}</dd>
        {props.rows(r)}
      </dl>
      {props.children(r, resolution)}
    </section>
  );
}
