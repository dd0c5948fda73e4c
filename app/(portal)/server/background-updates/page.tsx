import { requireAdmin } from "@/lib/auth/require-admin";
import { getBackgroundUpdates } from "@/lib/synapse/background-updates";
import { getTranslations } from "next-intl/server";
import { BACKGROUND_JOBS } from "@/lib/schemas/background-updates";
import { getFormat } from "@/lib/i18n/server";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { BackgroundToggle, StartJobButton } from "../_components/background-controls";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function BackgroundUpdatesPage() {
  const admin = await requireAdmin();
  const t = await getTranslations("server.background");
  const f = await getFormat();
  const status = await readForPage(() => getBackgroundUpdates(admin.creds), "background updates read");
  const s = status.data;

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      <ErrorCard message={status.error} />
      {s && (
        <>
          <p data-testid="background-enabled">{t(s.enabled ? "running" : "paused")}</p>
          <BackgroundToggle enabled={s.enabled} />
          <h3 className="text-lg font-semibold">{t("runningNow")}</h3>
          <DataTable columns={[t("database"), t("update"), t("itemsDone"), t("timeSpent"), t("speed")]} rowCount={s.running.length} empty={t("noneRunning")}>
              {s.running.map((u) => (
                <tr key={u.database} className="border-b border-line" data-testid="background-update-row">
                  <td className="py-2 pr-3 font-mono">{u.database}</td>
                  <td className="py-2 pr-3 font-mono">{u.name}</td>
                  <td className="py-2 pr-3">{f.count(u.itemsDone)}</td>
                  <td className="py-2 pr-3">{t("seconds", { seconds: u.durationMs / 1000 })}</td>
                  <td className="py-2 pr-3">{t("itemsPerSecond", { n: Math.round(u.itemsPerMs * 1000) })}</td>
                </tr>
              ))}
          </DataTable>
        </>
      )}
      <h3 className="text-lg font-semibold">{t("startJob")}</h3>
      <div className="flex flex-wrap gap-4">
        {BACKGROUND_JOBS.map((job) => (
          <StartJobButton key={job} job={job} />
        ))}
      </div>
    </div>
  );
}

export default withClientMessages("(portal)/server/background-updates", BackgroundUpdatesPage);
