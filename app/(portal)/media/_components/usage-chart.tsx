import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import type { MediaUsage } from "@/lib/synapse/media";

/** Horizontal bars of the users storing the most, as a list screen readers read in order. */
export function UsageChart({ users, totalBytes }: { users: MediaUsage[]; totalBytes: number }) {
  const t = useTranslations("media.chart");
  const f = useFormat();
  const max = Math.max(1, ...users.map((u) => u.bytes));
  return (
    <figure className="card flex flex-col gap-3" aria-labelledby="usage-chart-title">
      <figcaption id="usage-chart-title" className="font-medium">
        {t("title", { count: users.length })}
      </figcaption>
      {users.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-1.5" data-testid="usage-chart">
          {users.map((u) => {
            const share = totalBytes > 0 ? u.bytes / totalBytes : 0;
            return (
              <li key={u.userId} className="grid grid-cols-[minmax(8rem,16rem)_1fr_7rem] items-center gap-3 text-sm">
                <Link href={`/media/users/${encodeURIComponent(u.userId)}`} className="truncate underline-offset-2 hover:underline" title={u.userId}>
                  {u.userId}
                </Link>
                <span className="h-3 rounded bg-canvas" aria-hidden="true">
                  <span className="block h-3 rounded bg-accent" style={{ width: `${Math.max(0.5, (u.bytes / max) * 100)}%` }} />
                </span>
                <span className="text-right tabular-nums">
                  {f.bytes(u.bytes)}
                  <span className="sr-only">{t("share", { share })}</span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </figure>
  );
}
