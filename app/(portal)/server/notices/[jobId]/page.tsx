import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { formatCount } from "@/lib/format";
import { NOTICE_BROADCAST_KIND } from "@/lib/jobs/notice-broadcast";
import { readUserJob, RESULT_PAGE_SIZE, sectionHref, sectionPages, statusSentence } from "@/lib/jobs/user-job-view";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import { JobUserItems } from "@/app/(portal)/_components/job-items";
import { LiveJob } from "@/app/(portal)/_components/live-job";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default async function BroadcastPage({ params, searchParams }: PageProps<{ jobId: string }>) {
  const admin = await requireAdmin();
  const id = Number((await params).jobId);
  const pages = sectionPages(await searchParams);
  const job = Number.isInteger(id) && id > 0 ? await readUserJob(admin.homeserver, id, NOTICE_BROADCAST_KIND, pages) : null;
  if (!job) notFound();
  const { view, sections } = job;
  const p = job.params as { text?: string; audience?: string; filter?: string; includeAppservice?: boolean };

  return (
    <div className="flex flex-col gap-4">
      <Link href="/server/notices" className="text-sm hover:underline">
        ← Notices
      </Link>
      <h2 className="text-lg font-semibold">Broadcast #{view.id}</h2>
      <p className="text-sm text-muted">
        Started by {view.actor}
        {view.cancelledBy ? `, cancelled by ${view.cancelledBy}` : ""} · to {p.audience === "all" ? "every local user" : `users matching ${p.filter}`}
        {p.includeAppservice ? ", application service users included" : ", application service users left out"}
      </p>
      <blockquote className="card whitespace-pre-wrap" data-testid="broadcast-text">
        {p.text}
      </blockquote>
      <div className="card flex flex-col gap-2">
        <LiveJob initial={view} label="Progress" unit="users" cancel={cancelJobAction} resume={resumeJobAction} />
        <p className="text-sm" data-testid="bulk-summary">
          {formatCount(view.done)} of {view.total === null ? "?" : formatCount(view.total)} done · {formatCount(view.items.ok ?? 0)} sent · {formatCount(view.items.failed ?? 0)} failed ·{" "}
          {formatCount(view.items.skipped ?? 0)} skipped
        </p>
        <p className="text-sm font-medium" data-testid="bulk-status">
          {statusSentence(view)}
        </p>
      </div>
      {sections.map((s) => (
        <JobUserItems key={s.key} title={s.title} rows={s.rows} total={s.total} page={s.page} pageSize={RESULT_PAGE_SIZE} href={sectionHref(`/server/notices/${id}`, pages, s.key)} />
      ))}
    </div>
  );
}
