import "server-only";
import { synapseFetch, type SynapseCredentials } from "./client";
import type { ScheduledTask, ScheduledTaskFilter } from "@/lib/schemas/scheduled-tasks";

// Synapse's task scheduler (`/_synapse/admin/v1/scheduled_tasks`): room deletes, history purges, redactions and
// housekeeping. Unpaged; Synapse keeps finished tasks for a week.

type RawTask = {
  id: string;
  action: string;
  status: string;
  timestamp_ms: number;
  resource_id: string | null;
  result: unknown;
  error: string | null;
};

export async function listScheduledTasks(creds: SynapseCredentials, f: ScheduledTaskFilter = {}): Promise<ScheduledTask[]> {
  const r = await synapseFetch<{ scheduled_tasks: RawTask[] }>(creds, "/_synapse/admin/v1/scheduled_tasks", {
    query: {
      action_name: f.action || undefined,
      status: f.status || undefined,
      resource_id: f.resourceId || undefined,
      max_timestamp: f.beforeTs ?? undefined,
    },
  });
  return r.scheduled_tasks
    .map((t) => ({
      id: t.id,
      action: t.action,
      status: t.status,
      timestampMs: t.timestamp_ms,
      resourceId: t.resource_id ?? null,
      error: t.error ?? null,
      result: t.result === null || t.result === undefined ? null : JSON.stringify(t.result),
    }))
    .sort((a, b) => b.timestampMs - a.timestampMs);
}
