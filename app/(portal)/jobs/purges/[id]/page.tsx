import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { isJobLive } from "@/lib/jobs/media-purges";
import { PurgeRows } from "../_components/purge-rows";
import { PurgeProgress } from "@/app/(portal)/_components/purge-progress";

export default async function PurgeRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const row = await forHomeserver(admin.homeserver).purges.get(id);
  if (!row) notFound();
  const live = isJobLive(id);
  return (
    <section className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/jobs">Jobs</Link> / <Link href="/jobs/purges">purge history</Link> / {id}
      </nav>
      <h1 className="text-2xl font-semibold">Purge {id}</h1>
      {live && <PurgeProgress purgeId={id} unit={row.kind === "media.purge-remote-cache" ? "purged" : "deleted"} />}
      <PurgeRows rows={[{ ...row, live }]} />
      {row.synapseTaskId && <p className="text-sm text-muted">Synapse task: {row.synapseTaskId}</p>}
    </section>
  );
}
