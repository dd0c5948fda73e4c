import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getBulkJob } from "@/lib/jobs/bulk-user-jobs";
import { formatCount } from "@/lib/format";
import { BulkProgress } from "../../_components/bulk-progress";
import { ProgressBar } from "@/app/(portal)/_components/progress-bar";
import { UserLink } from "@/app/(portal)/_components/user-link";

const SHOWN = 1000;

export default async function BulkJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const admin = await requireAdmin();
  const { jobId } = await params;
  const job = getBulkJob(jobId, admin);
  if (!job) notFound();
  const failures = job.results.filter((r) => !r.ok);
  const successes = job.results.filter((r) => r.ok);
  const running = job.finishedAt === null;
  const seconds = ((job.finishedAt ?? Date.now()) - job.startedAt) / 1000;

  return (
    <section className="flex flex-col gap-4">
      <Link href="/users" className="text-sm hover:underline">
        ← Users
      </Link>
      <h1 className="text-2xl font-semibold">Bulk action: {job.label}</h1>
      <BulkProgress jobId={job.id} running={running} />
      <div className="card flex flex-col gap-2">
        <ProgressBar label="Progress" done={job.done} total={job.total} perSecond={running && seconds > 0 ? job.done / seconds : null} unit="users" />
        <p className="text-sm" data-testid="bulk-summary">
          {formatCount(job.done)} of {formatCount(job.total)}
          {job.listing ? " (still listing users)" : ""} done · {formatCount(job.done - job.failed)} succeeded · {formatCount(job.failed)} failed ·{" "}
          {seconds.toFixed(1)} s
        </p>
        <p className="text-sm font-medium" data-testid="bulk-status">
          {running ? "Running…" : job.status === "done" ? "Finished." : job.status === "cancelled" ? "Cancelled; users not yet reached were left unchanged." : "Stopped."}
        </p>
        {job.stopReason && (
          <p role="alert" className="text-sm text-danger">
            {job.stopReason}
          </p>
        )}
      </div>
      <ResultTable title="Failed" rows={failures} />
      <ResultTable title="Succeeded" rows={successes} />
    </section>
  );
}

function ResultTable({ title, rows }: { title: string; rows: { userId: string; ok: boolean; message: string | null }[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <h2 className="text-lg font-semibold">
        {title} ({formatCount(rows.length)})
      </h2>
      <table className="w-full text-left text-sm" aria-label={`${title} users`}>
        <tbody>
          {rows.slice(0, SHOWN).map((r) => (
            <tr key={r.userId} className="border-b border-line" data-testid="bulk-result">
              <td className="py-1.5 pr-3 font-mono text-xs">
                <UserLink userId={r.userId} className="hover:underline" />
              </td>
              <td className={`py-1.5 pr-3 ${r.ok ? "text-ok" : "text-danger"}`}>{r.ok ? "ok" : "failed"}</td>
              <td className="py-1.5 pr-3">{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && <p className="text-sm text-muted">and {formatCount(rows.length - SHOWN)} more (see the audit log).</p>}
    </div>
  );
}
