import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listScheduledTasks } from "@/lib/synapse/scheduled-tasks";
import { TASK_ACTIONS, TASK_STATUSES, taskFilterOf, taskListQuerySchema, taskResourceHref } from "@/lib/schemas/scheduled-tasks";
import { formatCount, formatDateTime } from "@/lib/format";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { readForPage, type PageProps } from "@/app/(portal)/_components/page-read";

const SHOWN = 500;

export default async function ScheduledTasksPage({ searchParams }: Pick<PageProps<object>, "searchParams">) {
  const admin = await requireAdmin();
  const q = taskListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listScheduledTasks(admin.creds, taskFilterOf(q)), "scheduled tasks read");
  const tasks = list.data ?? [];

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">Scheduled tasks</h2>
      <p className="text-sm text-muted">Work Synapse runs on its own schedule: room deletions, history purges, redactions, housekeeping. Finished tasks are kept for a week.</p>
      <FilterForm label="Filter scheduled tasks" clearHref="/server/scheduled-tasks">
        <SelectFilter name="action" label="Action" value={q.action} any="Any" options={Object.fromEntries(TASK_ACTIONS.map((a) => [a, a]))} />
        <SelectFilter name="status" label="Status" value={q.status} any="Any" options={TASK_STATUSES} />
        <TextFilter name="resource" label="Resource ID (room or user)" value={q.resource} placeholder="!room:example.org" grow />
        <TextFilter name="before" label="Up to (UTC date)" value={q.before} type="date" />
      </FilterForm>
      <ErrorCard message={list.error} />
      <p className="text-sm text-muted" data-testid="tasks-summary">
        {formatCount(tasks.length)} tasks, newest first{tasks.length > SHOWN ? ` (the newest ${formatCount(SHOWN)} are shown)` : ""}
      </p>
      <DataTable columns={["When (UTC)", "Action", "Status", "Resource", "Error / result"]} rowCount={tasks.length} empty="No tasks match.">
            {tasks.slice(0, SHOWN).map((t) => {
              const href = taskResourceHref(t.resourceId);
              return (
                <tr key={t.id} className="border-b border-line align-top" data-testid="task-row" data-task-id={t.id}>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(new Date(t.timestampMs))}</td>
                  <td className="py-2 pr-3 font-mono">{t.action}</td>
                  <td className="py-2 pr-3" data-testid="task-status">
                    {t.status}
                  </td>
                  <td className="py-2 pr-3 font-mono break-all">
                    {href ? (
                      <Link href={href} className="underline">
                        {t.resourceId}
                      </Link>
                    ) : (
                      (t.resourceId ?? "—")
                    )}
                  </td>
                  <td className="py-2 pr-3 break-all text-xs">{t.error ?? t.result ?? "—"}</td>
                </tr>
              );
            })}
      </DataTable>
    </div>
  );
}
