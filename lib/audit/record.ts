import "server-only";
import { insertAuditEntry } from "@/lib/db/audit";
import { SynapseError } from "@/lib/synapse/errors";
import { describeError } from "@/lib/synapse/describe-error";
import { redactParams } from "./redact";

export type AuditContext = { actor: string; homeserver: string };
export type AuditedAction = { action: string; target?: string | null; params?: Record<string, unknown> };

/**
 * Runs a mutating action and records it in the audit log, on success and on failure.
 * Parameters pass through redactParams, so callers can hand over their input as it is.
 */
export async function withAudit<T>(ctx: AuditContext, what: AuditedAction, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    await record(ctx, what, "ok");
    return result;
  } catch (e) {
    // next/navigation's redirect() is control flow, not a failure.
    if (isNextControlFlow(e)) {
      await record(ctx, what, "ok");
      throw e;
    }
    const ui = describeError(e);
    await record(ctx, what, e instanceof SynapseError ? e.errcode : ui.code, ui.message);
    throw e;
  }
}

export async function record(ctx: AuditContext, what: AuditedAction, outcome: string, message?: string): Promise<void> {
  await insertAuditEntry({
    actor: ctx.actor,
    homeserver: ctx.homeserver,
    action: what.action,
    target: what.target ?? null,
    params: what.params ? (redactParams(what.params) as Record<string, unknown>) : null,
    outcome,
    message: message ?? null,
  });
}

function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest === "NEXT_NOT_FOUND");
}
