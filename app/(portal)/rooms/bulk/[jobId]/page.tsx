import Link from "next/link";
import { ROOM_BULK_KIND } from "@/lib/jobs/room-bulk";
import { ROOM_BULK_LABELS, type RoomBulkAction } from "@/lib/schemas/rooms";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import { readUserJobPage, UserJobPanel } from "@/app/(portal)/_components/user-job-panel";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default async function RoomBulkJobPage(props: PageProps<{ jobId: string }>) {
  const { job, pages } = await readUserJobPage(props, ROOM_BULK_KIND);
  const { view } = job;
  const action = (job.params as { action?: RoomBulkAction }).action ?? "block";

  return (
    <section className="flex flex-col gap-4">
      <Link href="/rooms" className="text-sm hover:underline">
        ← Rooms
      </Link>
      <h1 className="text-2xl font-semibold">Bulk room action: {ROOM_BULK_LABELS[action]}</h1>
      <p className="text-sm text-muted">
        Job #{view.id}, started by {view.startedBy}
        {view.cancelledBy ? `, cancelled by ${view.cancelledBy}` : ""}. It runs on the server: you can leave this page.
      </p>
      <UserJobPanel job={job} pages={pages} path={`/rooms/bulk/${view.id}`} okWord="succeeded" cancel={cancelJobAction} resume={resumeJobAction} items="rooms" />
    </section>
  );
}
