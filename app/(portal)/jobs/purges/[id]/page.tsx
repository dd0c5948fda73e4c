import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { getJobView } from "@/lib/jobs/jobs";
import { PurgeRows } from "../_components/purge-rows";
import { PurgeProgress } from "@/app/(portal)/_components/purge-progress";
import { cancelJobAction, resumeJobAction } from "../../actions";

export default async function PurgeRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const row = await forHomeserver(admin.homeserver).purges.get(id);
  if (!row) notFound();
  // Media jobs follow their job here; a room's row is one item of a room job (followed on the rooms pages).
  const job = row.jobId && row.kind.startsWith("media.") ? await getJobView(admin.homeserver, row.jobId) : null;
  return (
    <section className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/jobs">Jobs</Link> / <Link href="/jobs/purges">purge history</Link> / {id}
      </nav>
      <h1 className="text-2xl font-semibold">Purge {id}</h1>
      {job && !job.ended && <PurgeProgress initial={job} unit={row.kind === "media.purge-remote-cache" ? "purged" : "deleted"} cancel={cancelJobAction} resume={resumeJobAction} />}
      <PurgeRows rows={[row]} />
      {row.synapseTaskId && <p className="text-sm text-muted">Synapse task: {row.synapseTaskId}</p>}
      {row.jobId && row.kind.startsWith("room.") && (
        <p className="text-sm text-muted">
          Part of{" "}
          <Link className="underline" href={`/rooms${row.target ? `/${encodeURIComponent(row.target)}` : ""}?jobs=${row.jobId}`}>
            job {row.jobId}
          </Link>
          .
        </p>
      )}
    </section>
  );
}
