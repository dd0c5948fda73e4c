import { ACTIVE_WINDOWS_DAYS, type UserActivity } from "@/lib/schemas/dashboard";
import { formatCount } from "@/lib/format";
import type { PageRead } from "@/app/(portal)/_components/page-read";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { RegistrationsChart } from "./registrations-chart";
import { Stat } from "./stat";

const windowLabel = (days: number) => `Active in the last ${days === 1 ? "day" : `${days} days`}`;

/**
 * Active users and registrations per month. It reads the whole user list, the dashboard's slowest read, so the
 * page starts it with the other reads and streams it in when it arrives (the Suspense boundary in page.tsx).
 */
export async function UserActivitySection({ reading }: { reading: Promise<PageRead<UserActivity>> }) {
  const read = await reading;
  return (
    <>
      <ErrorCard message={read.error} />
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {(read.data?.active ?? ACTIVE_WINDOWS_DAYS.map((days) => ({ days, count: null }))).map((a) => (
          <Stat
            key={a.days}
            label={windowLabel(a.days)}
            href="/users?sort=last_seen_ts&dir=desc"
            value={a.count === null ? "—" : formatCount(a.count)}
            testId={`stat-active-${a.days}d`}
            raw={a.count ?? undefined}
          />
        ))}
      </dl>
      {read.data && <RegistrationsChart perMonth={read.data.perMonth} />}
    </>
  );
}

export function UserActivityPlaceholder() {
  return (
    <p className="card text-sm text-muted" aria-busy="true">
      Counting active users and registrations…
    </p>
  );
}
