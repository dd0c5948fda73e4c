import "server-only";
import { synapseFetch, type SynapseCredentials } from "./client";
import type { BackgroundJobName, BackgroundUpdates } from "@/lib/schemas/background-updates";

// Synapse's database background updates: run state, the update running per database, and the two jobs an
// admin may start.

type RawStatus = {
  enabled: boolean;
  current_updates: Record<string, { name: string; total_item_count: number; total_duration_ms: number; average_items_per_ms: number }>;
};

export async function getBackgroundUpdates(creds: SynapseCredentials): Promise<BackgroundUpdates> {
  const r = await synapseFetch<RawStatus>(creds, "/_synapse/admin/v1/background_updates/status");
  return {
    enabled: r.enabled,
    running: Object.entries(r.current_updates ?? {}).map(([database, u]) => ({
      database,
      name: u.name,
      itemsDone: u.total_item_count,
      durationMs: u.total_duration_ms,
      itemsPerMs: u.average_items_per_ms,
    })),
  };
}

/** Pausing lasts until Synapse restarts. */
export async function setBackgroundUpdatesEnabled(creds: SynapseCredentials, enabled: boolean): Promise<boolean> {
  const r = await synapseFetch<{ enabled: boolean }>(creds, "/_synapse/admin/v1/background_updates/enabled", { method: "POST", body: { enabled } });
  return r.enabled;
}

export async function startBackgroundJob(creds: SynapseCredentials, job: BackgroundJobName): Promise<void> {
  await synapseFetch(creds, "/_synapse/admin/v1/background_updates/start_job", { method: "POST", body: { job_name: job } });
}
