import { useTranslations } from "next-intl";
import { formatDuration } from "@/lib/format";

/**
 * The one progress bar: done of total as a bar, and the rate and time left when the caller knows them.
 * `role=progressbar` with aria-valuenow, so assistive tech and tests read the numbers the bar shows.
 */
export function ProgressBar(props: { done: number; total: number; label: string; perSecond?: number | null; etaSeconds?: number | null; unit?: string }) {
  const { done, total, perSecond } = props;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const t = useTranslations("jobs.progress");
  const eta = props.etaSeconds ?? (perSecond && total > done ? (total - done) / perSecond : null);
  return (
    <div className="flex flex-col gap-1">
      <div role="progressbar" aria-label={props.label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} className="h-3 w-full overflow-hidden rounded bg-canvas">
        <div className="h-full bg-accent transition-all" style={{ width: `${percent}%` }} />
      </div>
      {perSecond != null && (
        <span className="text-xs text-muted" data-testid="progress-rate">
          {t("rate", { rate: perSecond.toFixed(1), unit: props.unit ?? t("rows"), eta: formatDuration(eta === null ? null : eta * 1000) })}
        </span>
      )}
    </div>
  );
}
