import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { formatDuration } from "@/lib/format";
import { getFormat, getMessageRenderer } from "@/lib/i18n/server";
import { isJobOwner } from "@/lib/jobs/import-commands";
import { describeChanges, importProgress, rowIdentity } from "@/lib/jobs/import-report";
import type { CellError } from "@/lib/jobs/import-row";
import { FINISHED_STATUSES, jobRowsQuerySchema, ROW_STATUSES, ROWS_PAGE_SIZE } from "@/lib/schemas/import";
import { JobStatusBadge } from "../_components/job-status";
import { JobControls } from "./_components/job-controls";
import { ProgressPanel } from "./_components/progress-panel";
import { DataTable, listHref, Pager, TableHead } from "@/app/(portal)/_components/data-table";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { storedPerson } from "@/lib/audit/person";
import { personLabel } from "@/lib/gate-rules";
import { withClientMessages } from "@/app/_i18n/client-messages";

const PROBLEMS_SHOWN = 100;

export async function generateMetadata({ params }: PageProps<{ id: string }>) {
  const t = await getTranslations("jobs.import");
  return { title: t("metaTitle", { id: (await params).id }) };
}

async function ImportJobPage({
  params,
  searchParams,
}: PageProps<{ id: string }>) {
  const admin = await requireAdmin();
  const id = Number((await params).id);
  const tenant = forHomeserver(admin.homeserver);
  const job = Number.isInteger(id) && id > 0 ? await tenant.importJobs.get(id) : null;
  if (!job) notFound();
  const q = jobRowsQuerySchema.parse(await searchParams);

  const [progress, counts, table, problems, generated, followUp, heldFilePasswords, people] = await Promise.all([
    importProgress(job),
    tenant.importRows.count(job.id),
    tenant.importRows.list(job.id, { status: q.status, q: q.q || undefined }, { skip: (q.page - 1) * ROWS_PAGE_SIZE, take: ROWS_PAGE_SIZE }),
    job.invalidRows > 0 ? tenant.importRows.list(job.id, { status: "invalid" }, { skip: 0, take: PROBLEMS_SHOWN }) : null,
    tenant.importRows.countGeneratedPasswords(job.id),
    tenant.importJobs.followUpOf(job.id),
    tenant.importRows.countFilePasswords(job.id),
    tenant.importJobs.people(job.id),
  ]);
  const owner = isJobOwner(job, admin);
  const finished = FINISHED_STATUSES.includes(job.status);
  const valid = job.totalRows - job.invalidRows;
  const leftOver = (counts.failed ?? 0) + (counts["not-run"] ?? 0);
  const pages = Math.max(1, Math.ceil(table.total / ROWS_PAGE_SIZE));
  const t = await getTranslations("jobs.import");
  const ti = await getTranslations("import");
  const f = await getFormat();
  const render = await getMessageRenderer();
  const startedBy = personLabel(storedPerson(people?.startedBy));
  const changeWords = { none: t("changes.none"), password: t("changes.password"), newPassword: t("changes.newPassword") };

  return (
    <section className="flex flex-col gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm text-muted">
        <Link href="/jobs">{t("breadcrumbJobs")}</Link> / {t("name", { id: job.id })}
      </nav>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">
          {t("title", { id: job.id, dryRun: job.dryRun ? "yes" : "no" })}
        </h1>
        {job.status === "review" && <JobStatusBadge status={job.status} />}
      </div>

      <dl className="card grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">{t("file")}</dt>
        <dd>
          {t("fileFacts", { name: job.fileName, size: f.bytes(job.fileBytes), rows: job.totalRows, invalid: job.invalidRows })}
        </dd>
        <dt className="text-muted">{t("startedBy")}</dt>
        <dd data-testid="job-started-by">
          {startedBy
            ? t("startedByPerson", { person: startedBy, actor: job.actor, when: f.dateTime(job.createdAt) })
            : t("startedByActor", { actor: job.actor, when: f.dateTime(job.createdAt) })}
        </dd>
        {people?.cancelledBy && (
          <>
            <dt className="text-muted">{t("cancelledBy")}</dt>
            <dd data-testid="job-cancelled-by">{personLabel(storedPerson(people.cancelledBy))}</dd>
          </>
        )}
        <dt className="text-muted">{t("options")}</dt>
        <dd>
          {t("optionsFacts", {
            conflict: ti(`options.conflict.${job.options.conflict}`),
            passwords: ti(`options.passwords.${job.options.passwords}`),
            ids: ti(`options.ids.${job.options.ids}`),
            concurrency: job.options.concurrency,
          })}
        </dd>
        {job.parentId && (
          <>
            <dt className="text-muted">{t("from")}</dt>
            <dd>
              <Link href={`/jobs/${job.parentId}`} className="underline">
                {t("name", { id: job.parentId })}
              </Link>
            </dd>
          </>
        )}
        {followUp && (
          <>
            <dt className="text-muted">{t("carriedOnAs")}</dt>
            <dd>
              <Link href={`/jobs/${followUp}`} className="underline">
                {t("name", { id: followUp })}
              </Link>
            </dd>
          </>
        )}
        {(job.status === "running" || job.status === "queued") && job.credentialKind && (
          <>
            <dt className="text-muted">{t("runsAs")}</dt>
            <dd>{job.credentialKind === "job-device" || job.credentialKind === "mas-personal" ? t("runsAsDevice") : t("runsAsSession")}</dd>
          </>
        )}
        {finished && (
          <>
            <dt className="text-muted">{t("duration")}</dt>
            <dd>{formatDuration(job.durationMs)}</dd>
          </>
        )}
      </dl>

      {job.warnings.map((w) => (
        <p key={w} className="card text-sm text-amber-800 dark:text-amber-200" role="note">
          {render(w)}
        </p>
      ))}

      {job.status === "review" && (
        <p className="card text-sm" role="status">
          {valid === 0 ? t("noValidRows") : t("review", { invalid: job.invalidRows, total: job.totalRows, valid })}
        </p>
      )}

      {job.status !== "review" && <ProgressPanel jobId={job.id} initial={progress} />}

      <JobControls
        jobId={job.id}
        canStart={job.status === "review" && valid > 0}
        startLabel={t("start", { dryRun: job.dryRun ? "yes" : "no", count: valid })}
        canCancel={["review", "queued", "running", "paused"].includes(job.status)}
        cancelLabel={job.status === "review" ? t("discard") : t("cancel")}
        canResume={job.status === "paused"}
        canRunForReal={job.dryRun && job.status === "completed" && valid > 0 && !followUp && !job.passwordsPurgedAt}
        rerunLabel={!job.dryRun && finished && leftOver > 0 && !followUp ? t("rerun", { count: leftOver }) : null}
        canPurge={owner && finished && !job.passwordsPurgedAt && (job.dryRun ? !followUp && heldFilePasswords > 0 : generated > 0 || heldFilePasswords > 0)}
      />

      {finished && (
        <div className="card flex flex-col gap-1 text-sm">
          {generated > 0 && owner ? (
            // A POST: handing out the passwords is stamped, and a GET must not change anything.
            <form method="post" action={`/api/imports/${job.id}/report`}>
              <button type="submit" className="underline" data-testid="report-link">
                {t("report")}
              </button>
            </form>
          ) : (
            <a href={`/api/imports/${job.id}/report`} download className="underline" data-testid="report-link">
              Download the report (CSV)
            </a>
          )}
          {generated > 0 && owner && (
            <span>
              {job.passwordsDownloadedAt
                ? t("generatedDownloaded", { count: generated, when: f.dateTime(job.passwordsDownloadedAt) })
                : t("generated", { count: generated })}
            </span>
          )}
          {generated > 0 && !owner && <span>{t("generatedOther", { actor: job.actor })}</span>}
          {job.passwordsPurgedAt && <span>{t("purgedOn", { when: f.dateTime(job.passwordsPurgedAt) })}</span>}
        </div>
      )}

      {problems && problems.rows.length > 0 && (
        <section className="flex flex-col gap-2" aria-labelledby="problems-heading">
          <h2 id="problems-heading" className="text-lg font-semibold">
            {t("problems")}
          </h2>
          <table className="w-full text-left text-sm">
            <TableHead columns={[t("line"), t("column"), t("problem")]} />
            <tbody>
              {problems.rows.flatMap((r) =>
                (JSON.parse(r.errors ?? "[]") as CellError[]).map((e, i) => (
                  <tr key={`${r.id}-${i}`} className="border-b border-line" data-testid="problem-row">
                    <td className="py-1 pr-3">{r.line}</td>
                    <td className="py-1 pr-3 font-mono">{e.column === "row" ? "—" : e.column}</td>
                    <td className="py-1 pr-3">{render(e.message)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {job.invalidRows > PROBLEMS_SHOWN && (
            <p className="text-sm text-muted">
              {t.rich("firstProblems", {
                shown: PROBLEMS_SHOWN,
                count: job.invalidRows,
                all: (chunks) => (
                  <Link href={`/jobs/${job.id}?status=invalid`} className="underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
        </section>
      )}

      <section className="flex flex-col gap-2" aria-labelledby="rows-heading">
        <h2 id="rows-heading" className="text-lg font-semibold">
          {t("rows")}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("filterRows")}>
          <label className="flex flex-col gap-1">
            <span>{t("outcome")}</span>
            <select name="status" defaultValue={q.status ?? ""} className="field">
              <option value="">{t("any")}</option>
              {ROW_STATUSES.filter((s) => (counts[s] ?? 0) > 0 || s === q.status).map((s) => (
                <option key={s} value={s}>
                  {t("statusCount", { status: ti(`rowStatus.${s}`), count: counts[s] ?? 0 })}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span>{t("search")}</span>
            <input name="q" defaultValue={q.q ?? ""} placeholder={t("searchPlaceholder")} className="field" />
          </label>
          <button type="submit" className="btn-primary py-1.5">
            {t("filter")}
          </button>
          <Link href={`/jobs/${job.id}`} className="btn-secondary py-1.5">
            {t("clear")}
          </Link>
        </form>
        <DataTable columns={[t("line"), t("user"), t("outcome"), t("details")]} rowCount={table.rows.length} empty={t("noRows")}>
          {table.rows.map((r) => (
            <tr key={r.id} className="border-b border-line align-top" data-testid="import-row">
              <td className="py-2 pr-3">{r.line}</td>
              <td className="py-2 pr-3 break-all">{rowIdentity(r)}</td>
              <td className="py-2 pr-3 whitespace-nowrap" data-testid="row-outcome">
                {ti(`rowStatus.${r.status}`)}
              </td>
              <td className="py-2 pr-3 text-xs">
                {r.reason && <div>{render(r.reason)}</div>}
                {r.changes && <div className="text-muted">{describeChanges(r.changes, changeWords)}</div>}
              </td>
            </tr>
          ))}
        </DataTable>
        <Pager page={q.page} pages={pages} href={(page) => listHref(`/jobs/${job.id}`, { ...q, page }, ["status", "q", "page"])} previous={t("previous")} next={t("next")} />
      </section>
    </section>
  );
}

export default withClientMessages("(portal)/jobs/[id]", ImportJobPage);
