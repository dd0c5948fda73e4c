import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { formatDuration } from "@/lib/format";
import { getFormat } from "@/lib/i18n/server";
import { JOB_STATUSES, JOBS_PAGE_SIZE, jobsQuerySchema } from "@/lib/schemas/import";
import { JobStatusBadge } from "./_components/job-status";
import { RuntimeJobs } from "./_components/runtime-jobs";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { DataTable, listHref, Pager } from "@/app/(portal)/_components/data-table";

export async function generateMetadata() {
  const t = await getTranslations("jobs");
  return { title: t("metaTitle") };
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const search = await searchParams;
  const q = jobsQuerySchema.parse(search);
  const rpage = Math.max(1, Math.floor(Number(typeof search.rpage === "string" ? search.rpage : 1)) || 1);
  const { rows, total } = await forHomeserver(admin.homeserver).importJobs.list(
    { status: q.status, actor: q.actor || undefined },
    { skip: (q.page - 1) * JOBS_PAGE_SIZE, take: JOBS_PAGE_SIZE },
  );
  const pages = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
  const t = await getTranslations("jobs");
  const f = await getFormat();
  const columns = [t("col.job"), t("col.file"), t("col.startedBy"), t("col.when"), t("col.status"), { label: t("col.rows"), align: "right" as const }, t("col.outcome"), t("col.duration")];

  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="ml-auto flex gap-2 text-sm">
          <Link href="/users/import" className="btn-primary py-1.5">
            {t("newImport")}
          </Link>
          <Link href="/jobs/purges" className="btn-secondary py-1.5">
            {t("purgeHistory")}
          </Link>
        </div>
      </div>
      <FilterForm label={t("filter")} clearHref="/jobs">
        <SelectFilter name="status" label={t("col.status")} value={q.status} any={t("any")} options={Object.fromEntries(JOB_STATUSES.filter((s) => s !== "uploading").map((s) => [s, t(`status.${s}`)]))} />
        <TextFilter name="actor" label={t("col.startedBy")} value={q.actor} placeholder="@alice:example.org" />
      </FilterForm>
      <RuntimeJobs
        homeserver={admin.homeserver}
        status={q.status}
        actor={q.actor || undefined}
        page={rpage}
        href={(page) => listHref("/jobs", { ...q, rpage: page }, ["status", "actor", "page", "rpage"])}
      />
      <h2 className="text-lg font-semibold">{t("imports")}</h2>
      <p className="text-sm text-muted" data-testid="jobs-total">
        {t("importsTotal", { count: total })}
      </p>
      <DataTable columns={columns} rowCount={rows.length} empty={t("noImports")}>
        {rows.map((j) => {
          const c = j.counts;
          const outcome = j.dryRun
            ? t("outcomeDryRun", { create: c["would-create"] ?? 0, update: c["would-update"] ?? 0, skip: c["would-skip"] ?? 0 })
            : t("outcomeRun", { created: c.created ?? 0, updated: c.updated ?? 0, skipped: c.skipped ?? 0, failed: c.failed ?? 0 });
          return (
            <tr key={j.id} className="border-b border-line align-top" data-testid="job-row">
              <td className="py-2 pr-3 whitespace-nowrap">
                <Link href={`/jobs/${j.id}`} className="underline">
                  {t("import.name", { id: String(j.id) })}
                </Link>
                {j.dryRun && <div className="text-xs text-muted">{t("dryRun")}</div>}
              </td>
              <td className="py-2 pr-3 break-all">{j.fileName}</td>
              <td className="py-2 pr-3">{j.actor}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(j.createdAt)}</td>
              <td className="py-2 pr-3">
                <JobStatusBadge status={j.status} />
              </td>
              <td className="py-2 pr-3 text-right">
                {f.count(j.totalRows)}
                {j.invalidRows > 0 && <div className="text-xs text-danger">{t("invalid", { count: j.invalidRows })}</div>}
              </td>
              <td className="py-2 pr-3 text-xs">{outcome}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDuration(j.durationMs)}</td>
            </tr>
          );
        })}
      </DataTable>
      <Pager page={q.page} pages={pages} href={(page) => listHref("/jobs", { ...q, page, rpage }, ["status", "actor", "page", "rpage"])} previous={t("newer")} next={t("older")} of={t("imports")} />
    </section>
  );
}
