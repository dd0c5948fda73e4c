import Link from "next/link";
import { USER_BULK_KIND } from "@/lib/jobs/user-bulk";
import { BULK_ACTION_LABELS, type BulkAction } from "@/lib/schemas/users";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import { readUserJobPage, UserJobPanel } from "@/app/(portal)/_components/user-job-panel";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default async function BulkJobPage(props: PageProps<{ jobId: string }>) {
  const { job, pages } = await readUserJobPage(props, USER_BULK_KIND);
  const { view } = job;
  const action = (job.params as { action?: BulkAction }).action ?? "lock";

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
      <UserJobPanel job={job} pages={pages} path={`/users/bulk/${view.id}`} okWord="succeeded" cancel={cancelJobAction} resume={resumeJobAction} />
    </section>
  );
}
