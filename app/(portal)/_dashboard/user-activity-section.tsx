import type { ActivitySnapshotRecord } from "@/lib/db/tenant";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { RegistrationsChart } from "./registrations-chart";
import { RefreshActivity, RefreshWhilePending } from "./refresh-activity";
import { Stat } from "./stat";

/**
 * Active users and registrations per month, from the stored snapshot (a job reads the whole user list; see
 * lib/jobs/dashboard-activity.ts). While a computation is pending the page refreshes itself until it lands.
 */
export function UserActivitySection({ snapshot }: { snapshot: ActivitySnapshotRecord | null }) {
  const t = useTranslations("dashboard.activity");
  const f = useFormat();
  const figures = snapshot?.figures ?? null;
  const pending = Boolean(snapshot?.requestedAt);
  return (
    <section className="flex flex-col gap-4" aria-labelledby="activity-title">
      {pending && <RefreshWhilePending />}
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="activity-title" className="text-xl font-semibold">
          {t("title")}
        </h2>
        {figures && (
          <p className="text-sm text-muted" data-testid="activity-as-of" data-as-of={figures.computedAt.toISOString()}>
            {t("asOf", { at: f.dateTime(figures.computedAt) })}
          </p>
        )}
        {figures && pending && (
          <p className="text-sm text-muted" aria-busy="true">
            {t("refreshing")}
          </p>
        )}
        <div className="ml-auto">
          <RefreshActivity />
        </div>
      </div>
      {!pending && <ErrorCard message={snapshot?.error ?? null} />}
      {figures ? (
        <>
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            {figures.active.map((a) => (
              <Stat
                key={a.days}
                label={t("active", { days: a.days })}
                href="/users?sort=last_seen_ts&dir=desc"
                value={f.count(a.count)}
                testId={`stat-active-${a.days}d`}
                raw={a.count}
              />
            ))}
          </dl>
          <RegistrationsChart perMonth={figures.perMonth} />
        </>
      ) : (
        pending && (
          <p className="card text-sm text-muted" aria-busy="true" data-testid="activity-pending">
            {t("pending")}
          </p>
        )
      )}
    </section>
  );
}
