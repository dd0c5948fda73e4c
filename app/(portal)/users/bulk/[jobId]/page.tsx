import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { formatCount } from "@/lib/format";
import { USER_BULK_KIND } from "@/lib/jobs/user-bulk";
import { readUserJob, RESULT_PAGE_SIZE, sectionHref, sectionPages, statusSentence } from "@/lib/jobs/user-job-view";
import { BULK_ACTION_LABELS, type BulkAction } from "@/lib/schemas/users";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import { JobUserItems } from "@/app/(portal)/_components/job-items";
import { LiveJob } from "@/app/(portal)/_components/live-job";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default async function BulkJobPage({ params, searchParams }: PageProps<{ jobId: string }>) {
  const admin = await requireAdmin();
  const id = Number((await params).jobId);
  const pages = sectionPages(await searchParams);
  const job = Number.isInteger(id) && id > 0 ? await readUserJob(admin.homeserver, id, USER_BULK_KIND, pages) : null;
  if (!job) notFound();
  const { view, sections } = job;
  const action = (job.params as { action?: BulkAction }).action ?? "lock";
  const count = (k: "ok" | "failed" | "skipped") => view.items[k] ?? 0;

  return (
    <section className="flex flex-col gap-4">
      <Link href="/users" className="text-sm hover:underline">
        ← Users
      </Link>
      <h1 className="text-2xl font-semibold">Bulk action: {BULK_ACTION_LABELS[action]}</h1>
      <p className="text-sm text-muted">
        Job #{view.id}, started by {view.actor}
        {view.cancelledBy ? `, cancelled by ${view.cancelledBy}` : ""}. It runs on the server: you can leave this page.
      </p>
      <div className="card flex flex-col gap-2">
        <LiveJob initial={view} label="Progress" unit="users" cancel={cancelJobAction} resume={resumeJobAction} />
        <p className="text-sm" data-testid="bulk-summary">
          {formatCount(view.done)} of {view.total === null ? "?" : formatCount(view.total)}
          {view.phase === "listing users" ? " (still listing users)" : ""} done · {formatCount(count("ok"))} succeeded · {formatCount(count("failed"))} failed ·{" "}
          {formatCount(count("skipped"))} skipped
        </p>
        <p className="text-sm font-medium" data-testid="bulk-status">
          {statusSentence(view)}
        </p>
      </div>
      {sections.map((s) => (
        <JobUserItems key={s.key} title={s.title} rows={s.rows} total={s.total} page={s.page} pageSize={RESULT_PAGE_SIZE} href={sectionHref(`/users/bulk/${id}`, pages, s.key)} />
      ))}
    </section>
  );
}
