import { requireAdmin } from "@/lib/auth/require-admin";
import { getServerTotals } from "@/lib/synapse/server-stats";
import { readActivitySnapshot } from "@/lib/jobs/dashboard-activity";
import { getServerVersionCached } from "@/lib/synapse/discovery";
import { formatBytes, formatCount } from "@/lib/format";
import { forHomeserver } from "@/lib/db/tenant";
import { readForPage } from "./_components/page-read";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { loadServerHealth } from "./_dashboard/load-health";
import { Stat } from "./_dashboard/stat";
import { UserActivitySection } from "./_dashboard/user-activity-section";

const dash = "—";

export default async function DashboardPage() {
  const admin = await requireAdmin();
  // Every read at once: the page costs the slowest of them, not their sum. The user activity (a read of the
  // whole user list) comes from its stored snapshot, which a job computes.
  const [totalsRead, health, version, freed, activity] = await Promise.all([
    readForPage(() => getServerTotals(admin.creds), "server totals read"),
    loadServerHealth(admin),
    getServerVersionCached(admin.homeserver).catch(() => null),
    forHomeserver(admin.homeserver).purges.bytesFreedSince(new Date(Date.now() - 30 * 24 * 60 * 60 * 1000)),
    readActivitySnapshot(admin),
  ]);
  const totals = totalsRead.data;
  const { failing, background, unresolved, imports, roomJobs, mediaJobs } = health;
  const running = background.data?.running ?? [];

  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <ErrorCard message={totalsRead.error} />
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Server version" value={version ? `Synapse ${version}` : "unknown"} testId="stat-version" />
        <Stat label="Users" href="/users" value={totals ? formatCount(totals.users) : dash} testId="stat-users" hint="all accounts, deactivated and locked included" />
        <Stat label="Rooms" href="/rooms" value={totals ? formatCount(totals.rooms) : dash} testId="stat-rooms" />
        <Stat
          label="Local media"
          href="/media"
          value={totals ? formatBytes(totals.mediaBytes) : dash}
          testId="stat-media"
          hint={totals ? `${formatCount(totals.mediaFiles)} files from ${formatCount(totals.mediaUsers)} users` : undefined}
          raw={totals?.mediaBytes}
        />
        <Stat label="Freed in the last 30 days" href="/jobs/purges" value={formatBytes(freed)} testId="stat-freed" hint="by deletions and purges made through the portal (Jobs → Purge history)" raw={freed} />
      </dl>

      <h2 className="text-xl font-semibold">What the server is doing</h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Failing federation destinations"
          href="/server/federation"
          value={failing.data ? `${formatCount(failing.data.count)}${failing.data.capped ? "+" : ""}` : dash}
          testId="stat-failing-destinations"
          hint={failing.error ?? undefined}
          raw={failing.data?.count}
        />
        <Stat
          label="Background updates running"
          href="/server/background-updates"
          value={background.data ? formatCount(running.length) : dash}
          testId="stat-background-updates"
          hint={background.error ?? (running.length ? running.map((u) => `${u.database}: ${u.name}`).join(", ") : background.data && !background.data.enabled ? "paused" : undefined)}
          raw={background.data ? running.length : undefined}
        />
        <Stat label="Unresolved reports" href="/reports?status=unresolved" value={unresolved.data === null ? dash : formatCount(unresolved.data)} testId="stat-unresolved-reports" hint={unresolved.error ?? undefined} raw={unresolved.data ?? undefined} />
        <Stat label="CSV imports running" href="/jobs?status=running" value={formatCount(imports)} testId="stat-imports-running" raw={imports} />
        <Stat label="Room deletes and purges running" href="/rooms" value={formatCount(roomJobs)} testId="stat-room-jobs-running" hint="jobs; their progress shows on the rooms page" raw={roomJobs} />
        <Stat label="Media jobs running" href="/jobs/purges?status=running" value={formatCount(mediaJobs)} testId="stat-media-jobs-running" raw={mediaJobs} />
      </dl>
      <UserActivitySection snapshot={activity} />
    </section>
  );
}
