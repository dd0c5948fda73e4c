import Link from "next/link";
import { NOTICE_BROADCAST_KIND } from "@/lib/jobs/notice-broadcast";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import { readUserJobPage, UserJobPanel } from "@/app/(portal)/_components/user-job-panel";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default async function BroadcastPage(props: PageProps<{ jobId: string }>) {
  const { job, pages } = await readUserJobPage(props, NOTICE_BROADCAST_KIND);
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
      <UserJobPanel job={job} pages={pages} path={`/server/notices/${view.id}`} okWord="sent" cancel={cancelJobAction} resume={resumeJobAction} />
    </div>
  );
}
