// Scheduled tasks: the list's filters (all in the URL) and where each task's resource lives. Client-safe.
import { z } from "zod";

export type ScheduledTask = {
  id: string;
  action: string;
  status: string;
  timestampMs: number;
  resourceId: string | null;
  error: string | null;
  result: string | null;
};

export type ScheduledTaskFilter = { action?: string; status?: string; resourceId?: string; beforeTs?: number };

export const TASK_STATUSES = ["scheduled", "active", "complete", "failed"] as const;
/** Actions Synapse 1.160 schedules (the filter also takes any other name). */
export const TASK_ACTIONS = [
  "shutdown_and_purge_room",
  "purge_room",
  "purge_history",
  "redact_all_events",
  "update_join_states",
  "delete_old_otks",
] as const;

export const taskListQuerySchema = z.object({
  action: z.string().trim().regex(/^[a-z0-9_.-]{1,100}$/).optional().catch(undefined),
  status: z.enum(TASK_STATUSES).optional().catch(undefined),
  resource: z.string().trim().min(1).max(255).optional().catch(undefined),
  /** a UTC date: tasks up to the end of that day */
  before: z.iso.date().optional().catch(undefined),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export function taskFilterOf(q: TaskListQuery): ScheduledTaskFilter {
  return {
    action: q.action,
    status: q.status,
    resourceId: q.resource,
    beforeTs: q.before ? Date.parse(`${q.before}T23:59:59.999Z`) : undefined,
  };
}

/** The portal page of a task's resource: rooms and users by their ID's sigil; null for anything else. */
export function taskResourceHref(resourceId: string | null): string | null {
  if (!resourceId) return null;
  if (resourceId.startsWith("!")) return `/rooms/${encodeURIComponent(resourceId)}`;
  if (resourceId.startsWith("@")) return `/users/${encodeURIComponent(resourceId)}`;
  return null;
}
