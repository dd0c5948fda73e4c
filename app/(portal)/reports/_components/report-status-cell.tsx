import Link from "next/link";
import type { Resolution } from "@/lib/db/report-triage";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

/** The inbox's first cell: the report's state, linking to it, and who resolved it when. */
export function ReportStatusCell({ href, resolution }: { href: string; resolution: Resolution | undefined }) {
  const t = useTranslations("reports");
  const f = useFormat();
  return (
    <td className="py-2 pr-3">
      <Link href={href} className="font-medium underline" data-testid="report-status">
        {resolution ? t("statuses.resolved") : t("statuses.unresolved")}
      </Link>
      {resolution && (
        <div className="text-xs text-muted">
          {t("resolvedByShort", { by: resolution.resolvedBy, at: f.dateTime(resolution.resolvedAt) })}
        </div>
      )}
    </td>
  );
}

/** A report that is not there (deleted, or a malformed id in the URL). */
export function MissingReport({ back, title, error, kind }: { back: React.ReactNode; title: string; error: string | null; kind: "event" | "user" }) {
  const t = useTranslations("reports.detail");
  return (
    <section className="flex flex-col gap-4">
      {back}
      <h1 className="text-2xl font-semibold">{title}</h1>
      <ErrorCard message={error} />
      {!error && <p className="card">{t(kind === "event" ? "missing" : "missingUser")}</p>}
    </section>
  );
}
