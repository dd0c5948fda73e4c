import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { nullIfNotFound } from "./errors";
import { listScheduledTasks } from "./scheduled-tasks";

// Synapse's redaction of all of a user's events (`POST /v1/user/<id>/redact`): a task in its scheduler,
// followed by id. Synapse accepts any user id here (even an unknown one): callers check the user first.

export type RedactionState = "scheduled" | "active" | "complete" | "failed" | "cancelled";
export type RedactionStatus = { state: RedactionState; failed: Record<string, string>; error: string | null };
const ACTION = "redact_all_events";

/** Starts the task; `rooms` empty means every room the user is or was in. Not idempotent: see findUserRedactionSince. */
export async function startUserRedaction(creds: SynapseCredentials, userId: string, p: { rooms: string[]; reason?: string }): Promise<string> {
  const r = await synapseFetch<{ redact_id: string }>(creds, `/_synapse/admin/v1/user/${encodeId(userId)}/redact`, {
    method: "POST",
    body: { rooms: p.rooms, ...(p.reason ? { reason: p.reason } : {}) },
  });
  return r.redact_id;
}

/** null when Synapse does not know the id (its scheduler forgets finished tasks after a week). */
export async function getUserRedactionStatus(creds: SynapseCredentials, redactId: string): Promise<RedactionStatus | null> {
  const r = await nullIfNotFound(() =>
    synapseFetch<{ status: string; failed_redactions?: Record<string, string>; error?: string }>(creds, `/_synapse/admin/v1/user/redact_status/${encodeId(redactId)}`),
  );
  if (!r) return null;
  return { state: r.status as RedactionState, failed: r.failed_redactions ?? {}, error: r.error ?? null };
}

/**
 * The id of a redaction of this user's events scheduled at or after `sinceMs`, newest first: how a job
 * whose owner died between sending the request and recording the id finds the task it started.
 */
export async function findUserRedactionSince(creds: SynapseCredentials, userId: string, sinceMs: number): Promise<string | null> {
  const tasks = await listScheduledTasks(creds, { action: ACTION, resourceId: userId });
  return tasks.find((t) => t.timestampMs >= sinceMs)?.id ?? null;
}
