"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMessage } from "@/lib/i18n/hooks";
import type { ImportProgress } from "@/lib/schemas/import";
import { JobStatusBadge } from "../../_components/job-status";
import { ProgressBar } from "@/app/(portal)/_components/progress-bar";

const LIVE = new Set(["queued", "running", "cancelling"]);

/** Live progress: polls the job's figures once a second while it runs, and refreshes the page when it ends. */
export function ProgressPanel({ jobId, initial }: { jobId: number; initial: ImportProgress }) {
  const router = useRouter();
  const [p, setP] = useState(initial);
  const status = useRef(initial.status);
  const t = useTranslations("jobs.import.progress");
  const render = useMessage();

  useEffect(() => {
    setP(initial);
    status.current = initial.status;
  }, [initial]);

  useEffect(() => {
    if (!LIVE.has(p.status)) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    // One request at a time, each with its own time limit, so a slow answer never piles requests up.
    const poll = async () => {
      const res = await fetch(`/api/imports/${jobId}/progress`, { cache: "no-store", signal: AbortSignal.timeout(10_000) }).catch(() => null);
      const next = res?.ok ? ((await res.json().catch(() => null)) as ImportProgress | null) : null;
      if (stopped) return;
      if (next) {
        setP(next);
        if (next.status !== status.current) {
          status.current = next.status;
          router.refresh();
        }
      }
      timer = setTimeout(poll, 1000);
    };
    timer = setTimeout(poll, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, p.status, router]);

  return (
    <div className="card flex flex-col gap-3" aria-label={t("label")} role="region">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span>
          {t("status")} <JobStatusBadge status={p.status} />
        </span>
        <span data-testid="progress-done" className="mr-auto">
          {t("done", { done: p.done, total: p.total })}
        </span>
      </div>
      <ProgressBar label={t("rowsDone")} done={p.done} total={p.total} perSecond={p.ratePerSecond} etaSeconds={p.etaSeconds} />
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-live="polite">
        {p.dryRun ? (
          <>
            <Figure label={t("wouldCreate")} value={p.planned.create} testId="count-would-create" />
            <Figure label={t("wouldUpdate")} value={p.planned.update} testId="count-would-update" />
            <Figure label={t("wouldSkip")} value={p.planned.skip} testId="count-would-skip" />
            {p.planned.stop > 0 && <Figure label={t("wouldStop")} value={p.planned.stop} testId="count-would-stop" />}
          </>
        ) : (
          <>
            <Figure label={t("created")} value={p.created} testId="count-created" />
            <Figure label={t("updated")} value={p.updated} testId="count-updated" />
            <Figure label={t("skipped")} value={p.skipped} testId="count-skipped" />
            <Figure label={t("failed")} value={p.failed} testId="count-failed" />
          </>
        )}
      </dl>
      {p.message && (
        <p className="text-sm" role="status" data-testid="job-message">
          {render(p.message)}
        </p>
      )}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-muted">{label}</dt>
      <dd className="font-medium" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
