import "server-only";
// adminAction's steps after the session check: role, validation, what MAS owns, run, audit, error mapping.
import type { z } from "zod";
import type { AdminContext } from "@/lib/auth/require-admin";
import { record, withAudit, type AuditedAction } from "@/lib/audit/record";
import { describeAndLog } from "@/lib/synapse/describe-error";
import { firstFieldErrors } from "@/lib/schemas/fields";
import { fail, ok, type ActionResult } from "@/lib/result";
import type { Role } from "@/lib/roles";
import { masOwnedRefusal, type MasOwned } from "@/lib/auth/mas-owned";
import { refuseRole } from "./role-check";
import { msg } from "@/lib/i18n/message";

export type Spec<S extends z.ZodType> = {
  schema: S;
  /** The portal role the action needs (viewer, operator, owner). Unset means owner, so forgetting it is safe. */
  role?: Role;
  /** What the audit log records; omit for read-only actions. Parameters are redacted by the helper. */
  audit?: (input: z.infer<S>, admin: AdminContext) => AuditedAction;
  /** What of MAS's this input would change; under MAS delegation the action then refuses and sends nothing. */
  masOwned?: (input: z.infer<S>) => MasOwned | null;
};

/** adminAction's body for a known admin; free of Next.js imports so unit tests can drive it. */
export async function runAdminAction<S extends z.ZodType, T>(
  admin: AdminContext,
  spec: Spec<S>,
  run: (input: z.infer<S>, admin: AdminContext) => Promise<T>,
  raw: unknown,
  /** Lets the framework's own throws (redirect, notFound, a session that ended) pass before the error mapping. */
  rethrow: (e: unknown) => void,
): Promise<ActionResult<T>> {
  const parsed = spec.schema.safeParse(raw);
  const need = spec.role ?? "owner";
  const what = (): AuditedAction => (parsed.success && spec.audit ? spec.audit(parsed.data as z.infer<S>, admin) : { action: "action.refused" });
  const refusal = await refuseRole(admin, need, what);
  if (refusal) return fail("FORBIDDEN", refusal);
  if (!parsed.success) {
    const fieldErrors = firstFieldErrors(parsed.error);
    const first = Object.values(fieldErrors)[0] ?? msg("errors.INVALID_INPUT");
    return fail("INVALID_INPUT", first, fieldErrors);
  }
  const input = parsed.data as z.infer<S>;
  const masRefusal = masOwnedRefusal(admin.delegated, spec.masOwned?.(input));
  if (masRefusal) {
    if (spec.audit) await record(admin, spec.audit(input, admin), "forbidden", masRefusal);
    return fail("MAS_OWNED", masRefusal);
  }
  try {
    const data = spec.audit ? await withAudit(admin, spec.audit(input, admin), () => run(input, admin)) : await run(input, admin);
    return ok(data);
  } catch (e) {
    rethrow(e);
    const ui = describeAndLog(e, "action");
    return fail(ui.code, ui.message);
  }
}
