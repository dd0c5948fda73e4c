import Link from "next/link";
import { listScheduledTasks } from "@/lib/synapse/scheduled-tasks";
import { formatDateTime } from "@/lib/format";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { roomTab } from "../../_components/room-tab";
import type { PageProps } from "@/app/(portal)/_components/page-read";

/** The room's deletes, purges and other tasks in Synapse's scheduler (kept a week after they finish). */
export default async function RoomTasksPage(props: PageProps<{ roomId: string }>) {
  const tab = await roomTab(props);
  if (!tab) return null;
  const { admin, roomId } = tab;
  const tasks = await readForPage(() => listScheduledTasks(admin.creds, { resourceId: roomId }), "room scheduled tasks read");
  return (
    <div className="flex flex-col gap-3">
      <ErrorCard message={tasks.error} />
      <p className="text-sm" data-testid="room-task-count">
        {tasks.data?.length ?? 0} scheduled tasks for this room.{" "}
        <Link className="underline" href={`/server/scheduled-tasks?resource=${encodeURIComponent(roomId)}`}>
          All scheduled tasks
        </Link>
      </p>
      <DataTable columns={["Action", "Status", "When (UTC)", "Error"]} rowCount={tasks.data?.length ?? 0} empty="No scheduled tasks for this room.">
          {tasks.data?.map((t) => (
            <tr key={t.id} className="border-b border-line" data-testid="room-task-row">
              <td className="py-2 pr-3 font-mono">{t.action}</td>
              <td className="py-2 pr-3">{t.status}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(new Date(t.timestampMs))}</td>
              <td className="py-2 pr-3 text-xs break-all">{t.error ?? "—"}</td>
            </tr>
          ))}
      </DataTable>
    </div>
  );
}
