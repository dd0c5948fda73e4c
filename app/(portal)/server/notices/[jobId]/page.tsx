import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { NOTICE_BROADCAST_KIND } from "@/lib/jobs/notice-broadcast";
import { readUserJob, sectionPages } from "@/lib/jobs/user-job-view";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import { UserJobPanel } from "@/app/(portal)/_components/user-job-panel";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default async function BroadcastPage({ params, searchParams }: PageProps<{ jobId: string }>) {
  const admin = await requireAdmin();
  const id = Number((await params).jobId);
  const pages = sectionPages(await searchParams);
  const job = Number.isInteger(id) && id > 0 ? await readUserJob(admin.homeserver, id, NOTICE_BROADCAST_KIND, pages) : null;
  if (!job) notFound();
  const { view } = job;
  const p = job.params as { text?: string; audience?: string; filter?: string; includeAppservice?: boolean };

  return (
    <div className="flex flex-col gap-4">
      <Link href="/server/notices" className="text-sm hover:underline">
        ← Notices
      </Link>
      <h2 className="text-lg font-semibold">Broadcast #{view.id}</h2>
      <p className="text-sm text-muted">
        Started by {view.startedBy}
        {view.cancelledBy ? `, cancelled by ${view.cancelledBy}` : ""} · to {p.audience === "all" ? "every local user" : `users matching ${p.filter}`}
        {p.includeAppservice ? ", application service users included" : ", application service users left out"}
      </p>
      <blockquote className="card whitespace-pre-wrap" data-testid="broadcast-text">
        {p.text}
      </blockquote>
      <UserJobPanel job={job} pages={pages} path={`/server/notices/${id}`} okWord="sent" cancel={cancelJobAction} resume={resumeJobAction} />
    </div>
  );
}
