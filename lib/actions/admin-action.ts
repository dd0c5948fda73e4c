import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireAdmin, redirectIfSessionEnded, type AdminContext } from "@/lib/auth/require-admin";
import { withAudit, type AuditedAction } from "@/lib/audit/record";
import { describeAndLog } from "@/lib/synapse/describe-error";
import { firstFieldErrors } from "@/lib/schemas/fields";
import { fail, ok, type ActionResult } from "@/lib/result";
import type { Role } from "@/lib/roles";
import { refuseRole } from "./role-check";

type Spec<S extends z.ZodType> = {
  schema: S;
  /** The portal role the action needs (viewer, operator, owner). Unset means owner, so forgetting it is safe. */
  role?: Role;
  /** What the audit log records; omit for read-only actions. Parameters are redacted by the helper. */
  audit?: (input: z.infer<S>, admin: AdminContext) => AuditedAction;
};

/**
 * The one wrapper behind every admin server action: authorize (requireAdmin and the portal role), validate
 * (zod, nothing is sent on bad input), run, audit, and map failures to an ActionResult. redirect()/notFound()
 * pass through; a token that died mid-action ends the session. A role refusal is audited as "forbidden".
 */
export function adminAction<S extends z.ZodType, T>(
  spec: Spec<S>,
  run: (input: z.infer<S>, admin: AdminContext) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    const admin = await requireAdmin();
    const parsed = spec.schema.safeParse(raw);
    const need = spec.role ?? "owner";
    const what = (): AuditedAction => (parsed.success && spec.audit ? spec.audit(parsed.data as z.infer<S>, admin) : { action: "action.refused" });
    const refusal = await refuseRole(admin, need, what);
    if (refusal) return fail("FORBIDDEN", refusal);
    if (!parsed.success) {
      const fieldErrors = firstFieldErrors(parsed.error);
      const first = Object.values(fieldErrors)[0] ?? "Check the input.";
      return fail("INVALID_INPUT", first, fieldErrors);
    }
    const input = parsed.data as z.infer<S>;
    try {
      const data = spec.audit ? await withAudit(admin, spec.audit(input, admin), () => run(input, admin)) : await run(input, admin);
      return ok(data);
    } catch (e) {
      unstable_rethrow(e);
      redirectIfSessionEnded(e);
      const ui = describeAndLog(e, "action");
      return fail(ui.code, ui.message);
    }
  };
}
