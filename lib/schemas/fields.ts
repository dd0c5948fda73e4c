// The zod fields every form, action and the CSV import share, and how a failed parse becomes field messages.
// Client-safe. The rules themselves live in lib/matrix; this file only words them for a form.
import { z } from "zod";
import { localpartRule, parseMxid, type LocalpartProblem } from "@/lib/matrix/mxid";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { MAX_DISPLAYNAME_LENGTH, MAX_PASSWORD_LENGTH, MAX_USER_ID_LENGTH } from "@/lib/matrix/limits";

/** Each field's first message, keyed by the field ("form" for the object itself). */
export function firstFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** A full user ID on any server (actions check whose it is), trimmed. */
export const userIdField = z.string().transform((v, ctx) => {
  const text = v.trim();
  const r = parseMxid(text);
  if (!text) ctx.addIssue({ code: "custom", message: "Enter a user ID, like @alice:example.org." });
  else if (!r.ok || !text.startsWith("@")) ctx.addIssue({ code: "custom", message: `"${text}" is not a valid user ID. A user ID looks like @alice:example.org.` });
  else if (text.length > MAX_USER_ID_LENGTH) ctx.addIssue({ code: "custom", message: `A user ID is at most ${MAX_USER_ID_LENGTH} characters.` });
  else return r.value.userId;
  return z.NEVER;
});

const roomRefField = (allowAlias: boolean) =>
  z.string().transform((v, ctx) => {
    const r = parseRoomRef(v, allowAlias);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

export const roomIdField = roomRefField(false);
export const roomIdOrAliasField = roomRefField(true);

const LOCALPART_MESSAGES: Record<LocalpartProblem, string> = {
  empty: "Enter a user name.",
  spaces: "A user name can contain only a–z, 0–9 and . _ = - / +",
  uppercase: "Use lowercase letters only (Matrix user names are lowercase).",
  chars: "A user name can contain only a–z, 0–9 and . _ = - / +",
  underscore: "A user name may not begin with _ (reserved for bridges and bots).",
  digits: "A user name of digits only is reserved by Synapse for guest accounts.",
  "too-long": `That user name is too long (a Matrix ID is at most ${MAX_USER_ID_LENGTH} characters).`,
};

/** The form's sentence for why a localpart cannot name a new user, or null. */
export function localpartProblem(localpart: string): string | null {
  const problem = localpartRule(localpart);
  return problem ? LOCALPART_MESSAGES[problem] : null;
}

export const localpartField = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = localpartProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const displaynameField = z.string().trim().max(MAX_DISPLAYNAME_LENGTH, `A display name is at most ${MAX_DISPLAYNAME_LENGTH} characters.`);

export const passwordField = z
  .string()
  .min(1, "Enter a password.")
  .max(MAX_PASSWORD_LENGTH, `A password is at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((v) => v.trim().length > 0, "A password cannot be only spaces.");

/** A password that may be left empty (generated, or not set). */
export const optionalPasswordField = z.string().max(MAX_PASSWORD_LENGTH, `A password is at most ${MAX_PASSWORD_LENGTH} characters.`).default("");
