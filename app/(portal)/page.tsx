import { requireAdmin } from "@/lib/auth/require-admin";
import { getServerTotals } from "@/lib/synapse/server-stats";
import { readActivitySnapshot } from "@/lib/jobs/dashboard-activity";
import { getServerVersionCached } from "@/lib/synapse/discovery";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { forHomeserver } from "@/lib/db/tenant";
import { readForPage } from "./_components/page-read";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { loadServerHealth } from "./_dashboard/load-health";
import { Stat } from "./_dashboard/stat";
import { UserActivitySection } from "./_dashboard/user-activity-section";
import { withClientMessages } from "@/app/_i18n/client-messages";

const dash = "—";

async function DashboardPage() {
  const admin = await requireAdmin();
  // Every read at once: the page costs the slowest of them, not their sum. The user activity (a read of the
  // whole user list) comes from its stored snapshot, which a job computes.
  const [t, f] = await Promise.all([getTranslations("dashboard"), getFormat()]);
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
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ErrorCard message={totalsRead.error} />
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("version")} value={version ? t("versionValue", { version }) : t("unknown")} testId="stat-version" />
        <Stat label={t("users")} href="/users" value={totals ? f.count(totals.users) : dash} testId="stat-users" hint={t("usersHint")} />
        <Stat label={t("rooms")} href="/rooms" value={totals ? f.count(totals.rooms) : dash} testId="stat-rooms" />
        <Stat
          label={t("media")}
          href="/media"
          value={totals ? f.bytes(totals.mediaBytes) : dash}
          testId="stat-media"
          hint={totals ? t("mediaHint", { files: totals.mediaFiles, users: totals.mediaUsers }) : undefined}
          raw={totals?.mediaBytes}
        />
        <Stat label={t("freed")} href="/jobs/purges" value={f.bytes(freed)} testId="stat-freed" hint={t("freedHint")} raw={freed} />
      </dl>

      <h2 className="text-xl font-semibold">{t("doing")}</h2>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label={t("failing")}
          href="/server/federation"
          value={failing.data ? `${f.count(failing.data.count)}${failing.data.capped ? "+" : ""}` : dash}
          testId="stat-failing-destinations"
          hint={failing.error ?? undefined}
          raw={failing.data?.count}
        />
        <Stat
          label={t("background")}
          href="/server/background-updates"
          value={background.data ? f.count(running.length) : dash}
          testId="stat-background-updates"
          hint={background.error ?? (running.length ? running.map((u) => `${u.database}: ${u.name}`).join(", ") : background.data && !background.data.enabled ? t("backgroundPaused") : undefined)}
          raw={background.data ? running.length : undefined}
        />
        <Stat label={t("unresolved")} href="/reports?status=unresolved" value={unresolved.data === null ? dash : f.count(unresolved.data)} testId="stat-unresolved-reports" hint={unresolved.error ?? undefined} raw={unresolved.data ?? undefined} />
        <Stat label={t("imports")} href="/jobs?status=running" value={f.count(imports)} testId="stat-imports-running" raw={imports} />
        <Stat label={t("roomJobs")} href="/rooms" value={f.count(roomJobs)} testId="stat-room-jobs-running" hint={t("roomJobsHint")} raw={roomJobs} />
        <Stat label={t("mediaJobs")} href="/jobs/purges?status=running" value={f.count(mediaJobs)} testId="stat-media-jobs-running" raw={mediaJobs} />
      </dl>
      <UserActivitySection snapshot={activity} />
    </section>
  );
}

export default withClientMessages("(portal)", DashboardPage);
