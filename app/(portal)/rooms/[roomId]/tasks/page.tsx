import Link from "next/link";
import { listScheduledTasks } from "@/lib/synapse/scheduled-tasks";
import { formatDateTime } from "@/lib/format";
import { attempt, roomTab } from "@/app/(portal)/_components/attempt";
import { TableHead } from "@/app/(portal)/_components/links";
import { ErrorCard } from "../../../_components/page-parts";

/** The room's deletes, purges and other tasks in Synapse's scheduler (kept a week after they finish). */
export default async function RoomTasksPage({ params }: { params: Promise<{ roomId: string }> }) {
  const tab = await roomTab(params);
  if (!tab) return null;
  const { admin, roomId } = tab;
  const tasks = await attempt(() => listScheduledTasks(admin.creds, { resourceId: roomId }));
  return (
    <div className="flex flex-col gap-3">
      <ErrorCard message={tasks.error} />
      <p className="text-sm" data-testid="room-task-count">
        {tasks.data?.length ?? 0} scheduled tasks for this room.{" "}
        <Link className="underline" href={`/server/scheduled-tasks?resource=${encodeURIComponent(roomId)}`}>
          All scheduled tasks
        </Link>
      </p>
      <table className="w-full text-left text-sm">
        <TableHead columns={["Action", "Status", "When (UTC)", "Error"]} />
        <tbody>
          {tasks.data?.map((t) => (
            <tr key={t.id} className="border-b border-line" data-testid="room-task-row">
              <td className="py-2 pr-3 font-mono">{t.action}</td>
              <td className="py-2 pr-3">{t.status}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(new Date(t.timestampMs))}</td>
              <td className="py-2 pr-3 text-xs break-all">{t.error ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
