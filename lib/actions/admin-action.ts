import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireAdmin, redirectIfSessionEnded, type AdminContext } from "@/lib/auth/require-admin";
import type { ActionResult } from "@/lib/result";
import { localizeResult } from "@/lib/i18n/server";
import { runAdminAction, type Spec } from "./run-admin-action";

/**
 * The one wrapper behind every admin server action: authorize (requireAdmin and the portal role), validate
 * (zod, nothing is sent on bad input), run, audit, and map failures to an ActionResult. redirect()/notFound()
 * pass through; a token that died mid-action ends the session. A role refusal is audited as "forbidden", and so is,
 * under MAS delegation, an input that would change what MAS owns (spec.masOwned): nothing is sent to Synapse.
 * Messages (message references, see lib/i18n/message.ts) reach the browser in the admin's language.
 */
export function adminAction<S extends z.ZodType, T>(
  spec: Spec<S>,
  run: (input: z.infer<S>, admin: AdminContext) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) =>
    localizeResult(
      await runAdminAction(await requireAdmin(), spec, run, raw, (e) => {
        unstable_rethrow(e);
        redirectIfSessionEnded(e);
      }),
    );
}

