import { requireAdmin } from "@/lib/auth/require-admin";
import { getServerTotals } from "@/lib/synapse/server-stats";
import { getServerVersionCached } from "@/lib/synapse/discovery";
import { readForPage } from "./_components/page-read";
import { formatBytes, formatCount } from "@/lib/format";
import { bytesFreedSince } from "@/lib/db/purge-history";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

export default async function DashboardPage() {
  const admin = await requireAdmin();
  const { data: totals, error } = await readForPage(() => getServerTotals(admin.creds), "server totals read");
  const version = await getServerVersionCached(admin.homeserver).catch(() => null);
  const freed = await bytesFreedSince(admin.homeserver, new Date(Date.now() - 30 * 24 * 60 * 60 * 1000));

  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <ErrorCard message={error} />
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Server version" value={version ? `Synapse ${version}` : "unknown"} testId="stat-version" />
        <Stat label="Users" value={totals ? formatCount(totals.users) : "—"} testId="stat-users" hint="all accounts, deactivated and locked included" />
        <Stat label="Rooms" value={totals ? formatCount(totals.rooms) : "—"} testId="stat-rooms" />
        <Stat
          label="Local media"
          value={totals ? formatBytes(totals.mediaBytes) : "—"}
          testId="stat-media"
          hint={totals ? `${formatCount(totals.mediaFiles)} files from ${formatCount(totals.mediaUsers)} users` : undefined}
          raw={totals?.mediaBytes}
        />
        <Stat label="Freed in the last 30 days" value={formatBytes(freed)} testId="stat-freed" hint="by deletions and purges made through the portal (Jobs → Purge history)" raw={freed} />
      </dl>
    </section>
  );
}

function Stat(props: { label: string; value: string; testId: string; hint?: string; raw?: number }) {
  return (
    <div className="card flex flex-col gap-1">
      <dt className="text-sm text-muted">{props.label}</dt>
      <dd className="text-2xl font-semibold" data-testid={props.testId} data-raw={props.raw}>
        {props.value}
      </dd>
      {props.hint && <dd className="text-xs text-muted">{props.hint}</dd>}
    </div>
  );
}
