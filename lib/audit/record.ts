import "server-only";
import { forHomeserver } from "@/lib/db/tenant";
import { SynapseError } from "@/lib/synapse/errors";
import { describeError } from "@/lib/synapse/describe-error";
import { redactParams } from "./redact";

/** Who did it: the Synapse admin (MXID) and, behind the organisation gate, the person (lib/auth/gate.ts). */
export type AuditContext = { actor: string; homeserver: string; person?: AuditPerson | null };
export type AuditPerson = { subject: string; name: string | null; email: string | null };
export type AuditedAction = { action: string; target?: string | null; params?: Record<string, unknown> };

/**
 * Runs a mutating action and records it in the audit log, on success and on failure. The entry is written
 * as "started" before the action runs and completed after it, so a crash in between never leaves a
 * mutation unaudited; if the entry cannot be written, the action does not run. Parameters pass through
 * redactParams, so callers can hand over their input as it is.
 */
export async function withAudit<T>(ctx: AuditContext, what: AuditedAction, run: () => Promise<T>): Promise<T> {
  const audit = forHomeserver(ctx.homeserver).audit;
  const id = await audit.start(entryOf(ctx, what));
  // The mutation has happened by then: a failed completion is logged, not shown (the admin might repeat it).
  const complete = (outcome: string, message?: string) =>
    audit.complete(id, outcome, message).catch((e) => console.error("[portal] could not complete audit entry", id, e instanceof Error ? e.message : e));
  let result: T;
  try {
    result = await run();
  } catch (e) {
    // next/navigation's redirect() is control flow, not a failure.
    if (isNextControlFlow(e)) {
      await complete("ok");
      throw e;
    }
    const ui = describeError(e);
    await complete(e instanceof SynapseError ? e.errcode : ui.code, ui.message);
    throw e;
  }
  await complete("ok");
  return result;
}

/** Records something that has already happened, with its outcome. */
export async function record(ctx: AuditContext, what: AuditedAction, outcome: string, message?: string): Promise<void> {
  await forHomeserver(ctx.homeserver).audit.insert({ ...entryOf(ctx, what), outcome, message: message ?? null });
}

function entryOf(ctx: AuditContext, what: AuditedAction) {
  return {
    actor: ctx.actor,
    personName: ctx.person?.name ?? null,
    personEmail: ctx.person?.email ?? null,
    personSubject: ctx.person?.subject ?? null,
    action: what.action,
    target: what.target ?? null,
    params: what.params ? (redactParams(what.params) as Record<string, unknown>) : null,
  };
}

function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest === "NEXT_NOT_FOUND");
}
