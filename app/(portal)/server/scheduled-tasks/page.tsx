import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listScheduledTasks } from "@/lib/synapse/scheduled-tasks";
import { TASK_ACTIONS, TASK_STATUSES, taskFilterOf, taskListQuerySchema, taskResourceHref } from "@/lib/schemas/scheduled-tasks";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { readForPage, type PageProps } from "@/app/(portal)/_components/page-read";

const SHOWN = 500;

export default async function ScheduledTasksPage({ searchParams }: Pick<PageProps<object>, "searchParams">) {
  const admin = await requireAdmin();
  const t = await getTranslations("server.tasks");
  const f = await getFormat();
  const q = taskListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listScheduledTasks(admin.creds, taskFilterOf(q)), "scheduled tasks read");
  const tasks = list.data ?? [];

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      <FilterForm label={t("filter")} clearHref="/server/scheduled-tasks">
        <SelectFilter name="action" label={t("action")} value={q.action} any={t("any")} options={Object.fromEntries(TASK_ACTIONS.map((a) => [a, a]))} />
        <SelectFilter name="status" label={t("status")} value={q.status} any={t("any")} options={Object.fromEntries(TASK_STATUSES.map((s) => [s, t(`statuses.${s}`)]))} />
        <TextFilter name="resource" label={t("resource")} value={q.resource} placeholder="!room:example.org" grow />
        <TextFilter name="before" label={t("before")} value={q.before} type="date" />
      </FilterForm>
      <ErrorCard message={list.error} />
      <p className="text-sm text-muted" data-testid="tasks-summary">
        {t("summary", { count: tasks.length })}
        {tasks.length > SHOWN ? ` ${t("capped", { shown: SHOWN })}` : ""}
      </p>
      <DataTable columns={[t("when"), t("action"), t("status"), t("resourceColumn"), t("errorResult")]} rowCount={tasks.length} empty={t("empty")}>
            {tasks.slice(0, SHOWN).map((task) => {
              const href = taskResourceHref(task.resourceId);
              return (
                <tr key={task.id} className="border-b border-line align-top" data-testid="task-row" data-task-id={task.id}>
                  <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(new Date(task.timestampMs))}</td>
                  <td className="py-2 pr-3 font-mono">{task.action}</td>
                  <td className="py-2 pr-3" data-testid="task-status">
                    {task.status}
                  </td>
                  <td className="py-2 pr-3 font-mono break-all">
                    {href ? (
                      <Link href={href} className="underline">
                        {task.resourceId}
                      </Link>
                    ) : (
                      (task.resourceId ?? "—")
                    )}
                  </td>
                  <td className="py-2 pr-3 break-all text-xs">{task.error ?? task.result ?? "—"}</td>
                </tr>
              );
            })}
      </DataTable>
    </div>
  );
}
