// The homeserver's portal settings (edited on /settings by an owner). Client-safe.
import { z } from "zod";
import { managedPatternProblem } from "@/lib/matrix/managed-users";

/** The managed-users regex; empty clears it. A pattern that does not compile is refused with the reason. */
export const managedUsersSettingSchema = z.object({
  pattern: z
    .string()
    .trim()
    .superRefine((p, ctx) => {
      const problem = p ? managedPatternProblem(p) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
