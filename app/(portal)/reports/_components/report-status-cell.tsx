import Link from "next/link";
import type { Resolution } from "@/lib/db/report-triage";
import { formatDateTime } from "@/lib/format";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

/** The inbox's first cell: the report's state, linking to it, and who resolved it when. */
export function ReportStatusCell({ href, resolution }: { href: string; resolution: Resolution | undefined }) {
  return (
    <td className="py-2 pr-3">
      <Link href={href} className="font-medium underline" data-testid="report-status">
        {resolution ? "Resolved" : "Unresolved"}
      </Link>
      {resolution && (
        <div className="text-xs text-muted">
          by {resolution.resolvedBy}, {formatDateTime(resolution.resolvedAt)}
        </div>
      )}
    </td>
  );
}

/** A report that is not there (deleted, or a malformed id in the URL). */
export function MissingReport({ back, title, error, what }: { back: React.ReactNode; title: string; error: string | null; what: string }) {
  return (
    <section className="flex flex-col gap-4">
      {back}
      <h1 className="text-2xl font-semibold">{title}</h1>
      <ErrorCard message={error} />
      {!error && <p className="card">There is no such {what}. It may have been deleted.</p>}
    </section>
  );
}
