import { requireAdmin } from "@/lib/auth/require-admin";
import { getBackgroundUpdates } from "@/lib/synapse/background-updates";
import { BACKGROUND_JOBS, type BackgroundJobName } from "@/lib/schemas/background-updates";
import { formatCount } from "@/lib/format";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { BackgroundToggle, StartJobButton } from "../_components/background-controls";

export default async function BackgroundUpdatesPage() {
  const admin = await requireAdmin();
  const status = await readForPage(() => getBackgroundUpdates(admin.creds), "background updates read");
  const s = status.data;

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">Background updates</h2>
      <p className="text-sm text-muted">Synapse migrates and rebuilds its database tables in the background after upgrades and when asked to.</p>
      <ErrorCard message={status.error} />
      {s && (
        <>
          <p data-testid="background-enabled">{s.enabled ? "Background updates are running." : "Background updates are paused until Synapse restarts or they are resumed."}</p>
          <BackgroundToggle enabled={s.enabled} />
          <h3 className="text-lg font-semibold">Running now</h3>
          <DataTable columns={["Database", "Update", "Items done", "Time spent", "Speed"]} rowCount={s.running.length} empty="No background update is running.">
              {s.running.map((u) => (
                <tr key={u.database} className="border-b border-line" data-testid="background-update-row">
                  <td className="py-2 pr-3 font-mono">{u.database}</td>
                  <td className="py-2 pr-3 font-mono">{u.name}</td>
                  <td className="py-2 pr-3">{formatCount(u.itemsDone)}</td>
                  <td className="py-2 pr-3">{(u.durationMs / 1000).toFixed(1)} s</td>
                  <td className="py-2 pr-3">{formatCount(Math.round(u.itemsPerMs * 1000))} items/s</td>
                </tr>
              ))}
          </DataTable>
        </>
      )}
      <h3 className="text-lg font-semibold">Start a job</h3>
      <div className="flex flex-wrap gap-4">
        {(Object.keys(BACKGROUND_JOBS) as BackgroundJobName[]).map((job) => (
          <StartJobButton key={job} job={job} />
        ))}
      </div>
    </div>
  );
}
