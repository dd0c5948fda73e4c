import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { getJobView } from "@/lib/jobs/jobs";
import { PurgeRows } from "../_components/purge-rows";
import { PurgeProgress } from "@/app/(portal)/_components/purge-progress";
import { cancelJobAction, resumeJobAction } from "../../actions";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function PurgeRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const row = await forHomeserver(admin.homeserver).purges.get(id);
  if (!row) notFound();
  // Media jobs follow their job here; a room's row is one item of a room job (followed on the rooms pages).
  const job = row.jobId && row.kind.startsWith("media.") ? await getJobView(admin.homeserver, row.jobId) : null;
  const t = await getTranslations("jobs.purges");
  return (
    <section className="flex flex-col gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm text-muted">
        <Link href="/jobs">{t("breadcrumbJobs")}</Link> / <Link href="/jobs/purges">{t("breadcrumbHere")}</Link> / {id}
      </nav>
      <h1 className="text-2xl font-semibold">{t("record", { id: String(id) })}</h1>
      {job && !job.ended && <PurgeProgress initial={job} unit={row.kind === "media.purge-remote-cache" ? "purged" : "deleted"} cancel={cancelJobAction} resume={resumeJobAction} />}
      <PurgeRows rows={[row]} />
      {row.synapseTaskId && <p className="text-sm text-muted">{t("synapseTask", { task: row.synapseTaskId })}</p>}
      {row.jobId && row.kind.startsWith("room.") && (
        <p className="text-sm text-muted">
          {t.rich("partOf", {
            id: String(row.jobId),
            job: (chunks) => (
              <Link className="underline" href={`/rooms${row.target ? `/${encodeURIComponent(row.target)}` : ""}?jobs=${row.jobId}`}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
    </section>
  );
}

export default withClientMessages("(portal)/jobs/purges/[id]", PurgeRecordPage);
