import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { formatBytes, formatCount, formatDateTime, formatDuration } from "@/lib/format";
import { isJobOwner } from "@/lib/jobs/import-commands";
import { describeChanges, importProgress, rowIdentity } from "@/lib/jobs/import-report";
import type { CellError } from "@/lib/jobs/import-row";
import {
  CONFLICT_LABELS,
  FINISHED_STATUSES,
  ID_LABELS,
  jobRowsQuerySchema,
  PASSWORD_LABELS,
  ROW_STATUS_LABELS,
  ROW_STATUSES,
  ROWS_PAGE_SIZE,
} from "@/lib/schemas/import";
import { JobStatusBadge } from "../_components/job-status";
import { JobControls } from "./_components/job-controls";
import { ProgressPanel } from "./_components/progress-panel";
import { DataTable, listHref, Pager, TableHead } from "@/app/(portal)/_components/data-table";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { storedPerson } from "@/lib/audit/person";
import { personLabel } from "@/lib/gate-rules";

const PROBLEMS_SHOWN = 100;

export default async function ImportJobPage({
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

  return (
    <section className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/jobs">Jobs</Link> / Import #{job.id}
      </nav>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">
          Import #{job.id}
          {job.dryRun && " (dry run)"}
        </h1>
        {job.status === "review" && <JobStatusBadge status={job.status} />}
      </div>

      <dl className="card grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted">File</dt>
        <dd>
          {job.fileName} ({formatBytes(job.fileBytes)}, {formatCount(job.totalRows)} rows{job.invalidRows > 0 && `, ${formatCount(job.invalidRows)} invalid`})
        </dd>
        <dt className="text-muted">Started by</dt>
        <dd data-testid="job-started-by">
          {personLabel(storedPerson(people?.startedBy)) ? `${personLabel(storedPerson(people?.startedBy))} as ` : ""}
          {job.actor} on {formatDateTime(job.createdAt)}
        </dd>
        {people?.cancelledBy && (
          <>
            <dt className="text-muted">Cancelled by</dt>
            <dd data-testid="job-cancelled-by">{personLabel(storedPerson(people.cancelledBy))}</dd>
          </>
        )}
        <dt className="text-muted">Options</dt>
        <dd>
          When the user exists: {CONFLICT_LABELS[job.options.conflict].toLowerCase()} · Passwords: {PASSWORD_LABELS[job.options.passwords].toLowerCase()} · Ids:{" "}
          {ID_LABELS[job.options.ids].toLowerCase()} · Concurrency {job.options.concurrency}
        </dd>
        {job.parentId && (
          <>
            <dt className="text-muted">From</dt>
            <dd>
              <Link href={`/jobs/${job.parentId}`} className="underline">
                Import #{job.parentId}
              </Link>
            </dd>
          </>
        )}
        {followUp && (
          <>
            <dt className="text-muted">Carried on as</dt>
            <dd>
              <Link href={`/jobs/${followUp}`} className="underline">
                Import #{followUp}
              </Link>
            </dd>
          </>
        )}
        {(job.status === "running" || job.status === "queued") && job.credentialKind && (
          <>
            <dt className="text-muted">Runs as</dt>
            <dd>
              {job.credentialKind === "job-device" || job.credentialKind === "mas-personal"
                ? "its own sign-in (a device of the admin's account), so signing out does not stop it"
                : "the admin's session: signing out pauses the job until someone presses Resume"}
            </dd>
          </>
        )}
        {finished && (
          <>
            <dt className="text-muted">Duration</dt>
            <dd>{formatDuration(job.durationMs)}</dd>
          </>
        )}
      </dl>

      {job.warnings.map((w) => (
        <p key={w} className="card text-sm text-amber-800 dark:text-amber-200" role="note">
          {w}
        </p>
      ))}

      {job.status === "review" && (
        <p className="card text-sm" role="status">
          {valid === 0
            ? "No row of this file is valid. Fix the file and upload it again."
            : `${formatCount(job.invalidRows)} of ${formatCount(job.totalRows)} rows have problems (listed below). Nothing has been sent to the homeserver. You can run the ${formatCount(valid)} valid rows only, or fix the file and upload it again.`}
        </p>
      )}

      {job.status !== "review" && <ProgressPanel jobId={job.id} initial={progress} />}

      <JobControls
        jobId={job.id}
        canStart={job.status === "review" && valid > 0}
        startLabel={`${job.dryRun ? "Dry-run" : "Import"} the ${formatCount(valid)} valid rows`}
        canCancel={["review", "queued", "running", "paused"].includes(job.status)}
        cancelLabel={job.status === "review" ? "Discard" : "Cancel import"}
        canResume={job.status === "paused"}
        canRunForReal={job.dryRun && job.status === "completed" && valid > 0 && !followUp && !job.passwordsPurgedAt}
        rerunLabel={!job.dryRun && finished && leftOver > 0 && !followUp ? `Re-run ${formatCount(leftOver)} failed or not-run rows` : null}
        canPurge={owner && finished && !job.passwordsPurgedAt && (job.dryRun ? !followUp && heldFilePasswords > 0 : generated > 0 || heldFilePasswords > 0)}
      />

      {finished && (
        <div className="card flex flex-col gap-1 text-sm">
          {generated > 0 && owner ? (
            // A POST: handing out the passwords is stamped, and a GET must not change anything.
            <form method="post" action={`/api/imports/${job.id}/report`}>
              <button type="submit" className="underline" data-testid="report-link">
                Download the report (CSV)
              </button>
            </form>
          ) : (
            <a href={`/api/imports/${job.id}/report`} download className="underline" data-testid="report-link">
              Download the report (CSV)
            </a>
          )}
          {generated > 0 && owner && (
            <span>
              It includes the {formatCount(generated)} generated passwords, for you only. Purge them once you have handed them out
              {job.passwordsDownloadedAt ? ` (last downloaded ${formatDateTime(job.passwordsDownloadedAt)})` : ""}.
            </span>
          )}
          {generated > 0 && !owner && <span>Its generated passwords are only in the report {job.actor} downloads.</span>}
          {job.passwordsPurgedAt && <span>Passwords purged on {formatDateTime(job.passwordsPurgedAt)}.</span>}
        </div>
      )}

      {problems && problems.rows.length > 0 && (
        <section className="flex flex-col gap-2" aria-labelledby="problems-heading">
          <h2 id="problems-heading" className="text-lg font-semibold">
            Problems in the file
          </h2>
          <table className="w-full text-left text-sm">
            <TableHead columns={["Line", "Column", "Problem"]} />
            <tbody>
              {problems.rows.flatMap((r) =>
                (JSON.parse(r.errors ?? "[]") as CellError[]).map((e, i) => (
                  <tr key={`${r.id}-${i}`} className="border-b border-line" data-testid="problem-row">
                    <td className="py-1 pr-3">{r.line}</td>
                    <td className="py-1 pr-3 font-mono">{e.column === "row" ? "—" : e.column}</td>
                    <td className="py-1 pr-3">{e.message}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {job.invalidRows > PROBLEMS_SHOWN && (
            <p className="text-sm text-muted">
              The first {PROBLEMS_SHOWN} of {formatCount(job.invalidRows)} invalid rows;{" "}
              <Link href={`/jobs/${job.id}?status=invalid`} className="underline">
                show all
              </Link>
              .
            </p>
          )}
        </section>
      )}

      <section className="flex flex-col gap-2" aria-labelledby="rows-heading">
        <h2 id="rows-heading" className="text-lg font-semibold">
          Rows
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter rows">
          <label className="flex flex-col gap-1">
            <span>Outcome</span>
            <select name="status" defaultValue={q.status ?? ""} className="field">
              <option value="">Any</option>
              {ROW_STATUSES.filter((s) => (counts[s] ?? 0) > 0 || s === q.status).map((s) => (
                <option key={s} value={s}>
                  {ROW_STATUS_LABELS[s]} ({counts[s] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span>Search</span>
            <input name="q" defaultValue={q.q ?? ""} placeholder="user id or text" className="field" />
          </label>
          <button type="submit" className="btn-primary py-1.5">
            Filter
          </button>
          <Link href={`/jobs/${job.id}`} className="btn-secondary py-1.5">
            Clear
          </Link>
        </form>
        <DataTable columns={["Line", "User", "Outcome", "Details"]} rowCount={table.rows.length} empty="No rows match.">
          {table.rows.map((r) => (
            <tr key={r.id} className="border-b border-line align-top" data-testid="import-row">
              <td className="py-2 pr-3">{r.line}</td>
              <td className="py-2 pr-3 break-all">{rowIdentity(r)}</td>
              <td className="py-2 pr-3 whitespace-nowrap" data-testid="row-outcome">
                {ROW_STATUS_LABELS[r.status]}
              </td>
              <td className="py-2 pr-3 text-xs">
                {r.reason && <div>{r.reason}</div>}
                {r.changes && <div className="text-muted">{describeChanges(r.changes)}</div>}
              </td>
            </tr>
          ))}
        </DataTable>
        <Pager page={q.page} pages={pages} href={(page) => listHref(`/jobs/${job.id}`, { ...q, page }, ["status", "q", "page"])} previous="Previous" next="Next" />
      </section>
    </section>
  );
}
