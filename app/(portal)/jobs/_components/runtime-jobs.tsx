import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { forHomeserver, type JobStatus } from "@/lib/db/tenant";
import { getFormat } from "@/lib/i18n/server";
import { jobPage } from "@/lib/jobs/job-pages";
import { DataTable, Pager } from "@/app/(portal)/_components/data-table";
import { startedByLabel } from "@/lib/jobs/jobs";

export const RUNTIME_STATUSES: JobStatus[] = ["queued", "running", "paused", "cancelling", "completed", "stopped", "cancelled", "failed"];
const PAGE_SIZE = 25;

/** Jobs of the runtime (bulk user actions, broadcasts, ...), newest first, each linked to its page. */
export async function RuntimeJobs(props: { homeserver: string; status?: string; actor?: string; page: number; href: (page: number) => string }) {
  const status = RUNTIME_STATUSES.find((s) => s === props.status);
  const { rows, total } = await forHomeserver(props.homeserver).jobs.list(
    { ...(status ? { statuses: [status] } : {}), ...(props.actor ? { actor: props.actor } : {}) },
    { skip: (props.page - 1) * PAGE_SIZE, take: PAGE_SIZE },
  );
  const t = await getTranslations("jobs");
  const f = await getFormat();
  const columns = [t("col.job"), t("col.kind"), t("col.startedBy"), t("col.when"), t("col.status"), { label: t("col.progress"), align: "right" as const }, t("col.cancelledBy")];
  return (
    <div className="flex flex-col gap-2">
      <h2 className="text-lg font-semibold">{t("runtime")}</h2>
      <p className="text-sm text-muted" data-testid="runtime-jobs-total">
        {t("runtimeTotal", { count: total })}
      </p>
      <DataTable columns={columns} rowCount={rows.length} empty={t("noRuntime")}>
        {rows.map((j) => {
          const page = jobPage(j.kind, j.id);
          return (
            <tr key={j.id} className="border-b border-line align-top" data-testid="runtime-job-row" data-kind={j.kind}>
              <td className="py-2 pr-3 whitespace-nowrap">{page.href ? <Link href={page.href} className="underline">{t("jobName", { id: String(j.id) })}</Link> : t("jobName", { id: String(j.id) })}</td>
              <td className="py-2 pr-3">{page.kind ? t(`kinds.${page.kind}`) : j.kind}</td>
              <td className="py-2 pr-3">{startedByLabel(j)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(j.createdAt)}</td>
              <td className="py-2 pr-3" data-testid="runtime-job-status">
                {t(`status.${j.status}`)}
              </td>
              <td className="py-2 pr-3 text-right whitespace-nowrap">
                {f.count(j.done)} / {j.total === null ? "?" : f.count(j.total)}
                {j.failed > 0 && <div className="text-xs text-danger">{t("failed", { count: j.failed })}</div>}
              </td>
              <td className="py-2 pr-3">{j.cancelledBy ?? ""}</td>
            </tr>
          );
        })}
      </DataTable>
      <Pager page={props.page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} href={props.href} previous={t("newer")} next={t("older")} of={t("runtime")} />
    </div>
  );
}
