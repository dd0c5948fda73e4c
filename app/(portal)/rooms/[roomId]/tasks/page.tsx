import Link from "next/link";
import { listScheduledTasks } from "@/lib/synapse/scheduled-tasks";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
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
  const t = await getTranslations("room.tasks");
  const f = await getFormat();
  const tasks = await readForPage(() => listScheduledTasks(admin.creds, { resourceId: roomId }), "room scheduled tasks read");
  return (
    <div className="flex flex-col gap-3">
      <ErrorCard message={tasks.error} />
      <p className="text-sm" data-testid="room-task-count">
        {t("count", { count: tasks.data?.length ?? 0 })}{" "}
        <Link className="underline" href={`/server/scheduled-tasks?resource=${encodeURIComponent(roomId)}`}>
          {t("all")}
        </Link>
      </p>
      <DataTable columns={[t("columns.action"), t("columns.status"), t("columns.when"), t("columns.error")]} rowCount={tasks.data?.length ?? 0} empty={t("empty")}>
          {tasks.data?.map((task) => (
            <tr key={task.id} className="border-b border-line" data-testid="room-task-row">
              <td className="py-2 pr-3 font-mono">{task.action}</td>
              <td className="py-2 pr-3">{task.status}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(new Date(task.timestampMs))}</td>
              <td className="py-2 pr-3 text-xs break-all">{task.error ?? "—"}</td>
            </tr>
          ))}
      </DataTable>
    </div>
  );
}
