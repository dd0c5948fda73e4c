"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useMessage } from "@/lib/i18n/hooks";
import type { JobView } from "@/lib/jobs/jobs";
import type { ActionResult } from "@/lib/result";
import { OutcomeLine } from "./outcome-line";
import { ProgressBar } from "./progress-bar";
import { useAction } from "./use-action";

type JobAction = (raw: { jobId: number }) => Promise<ActionResult<unknown>>;

/**
 * The one progress panel for jobs of the runtime: polls /api/jobs/<id> (any instance answers from the
 * database) until the job ends, with the bar, rate and ETA, its phase and message, and Cancel / Resume
 * buttons when given the actions (the kit does not import a feature's actions).
 */
export function JobProgress(props: {
  initial: JobView;
  label: string;
  unit?: string;
  cancel?: JobAction;
  resume?: JobAction;
  onChange?: (v: JobView) => void;
}) {
  const render = useMessage(); // the job's message may be a reference (lib/i18n/message.ts)
  const [view, setView] = useState(props.initial);
  const [perSecond, setPerSecond] = useState<number | null>(null);
  const first = useRef({ at: Date.now(), done: props.initial.done });
  const { run, pending, outcome } = useAction();
  const { onChange } = props;
  const t = useTranslations("jobs.progress");

  useEffect(() => {
    if (view.ended) return;
    const t = setTimeout(async () => {
      const res = await fetch(`/api/jobs/${view.id}`, { cache: "no-store" }).catch(() => null);
      if (!res?.ok) return setView((v) => ({ ...v })); // try again at the next tick
      const next = (await res.json()) as JobView;
      const seconds = (Date.now() - first.current.at) / 1000;
      if (seconds > 2 && next.done > first.current.done) setPerSecond((next.done - first.current.done) / seconds);
      setView(next);
      onChange?.(next);
    }, 1000);
    return () => clearTimeout(t);
  }, [view, onChange]);

  const total = view.total ?? Math.max(view.done, 1);
  // Phases are the runtime's words ("listing users"); known ones are shown in the reader's language.
  const phaseKey = view.phase?.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()) ?? "";
  const has = t.has as (key: string) => boolean;
  const phaseWord = has(`phase.${phaseKey}`) ? t(`phase.${phaseKey}` as Parameters<typeof t>[0]) : render(view.phase ?? "");
  return (
    <section aria-label={props.label} className="flex flex-col gap-2" data-testid="job-progress" data-status={view.status}>
      <p className="text-sm">
        <span className="font-medium" data-testid="job-status">
          {t(`status.${view.status}`)}
        </span>
        {view.phase && !view.ended ? ` · ${phaseWord}` : ""} · {t("done", { done: view.done, total: view.total ?? "?", unit: props.unit ?? t("items") })}
        {view.failed > 0 ? t("failed", { count: view.failed }) : ""}
      </p>
      <ProgressBar done={view.done} total={total} label={props.label} perSecond={view.ended ? null : perSecond} unit={props.unit} />
      {view.message && (
        <p className={`text-sm ${view.status === "paused" || view.status === "failed" ? "text-danger" : "text-muted"}`} data-testid="job-message">
          {render(view.message)}
        </p>
      )}
      <div className="flex gap-2">
        {props.cancel && !view.ended && view.status !== "cancelling" && (
          <button type="button" className="btn-secondary" disabled={pending} onClick={() => run(() => props.cancel!({ jobId: view.id }), t("cancelRequested"))}>
            {t("cancel")}
          </button>
        )}
        {props.resume && view.status === "paused" && (
          <button type="button" className="btn-secondary" disabled={pending} onClick={() => run(() => props.resume!({ jobId: view.id }), t("resumed")).then(() => setView((v) => ({ ...v, status: "queued" })))}>
            {t("resume")}
          </button>
        )}
      </div>
      <OutcomeLine outcome={outcome} />
    </section>
  );
}
