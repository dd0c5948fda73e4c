// The zod fields every form, action and the CSV import share, and how a failed parse becomes field messages.
// Client-safe. The rules themselves live in lib/matrix; this file only words them for a form.
import { z } from "zod";
import { localpartRule, parseMxid, type LocalpartProblem } from "@/lib/matrix/mxid";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { MAX_DISPLAYNAME_LENGTH, MAX_PASSWORD_LENGTH, MAX_USER_ID_LENGTH } from "@/lib/matrix/limits";
import { msg } from "@/lib/i18n/message";

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
  if (!text) ctx.addIssue({ code: "custom", message: msg("fields.userId.empty") });
  else if (!r.ok || !text.startsWith("@")) ctx.addIssue({ code: "custom", message: msg("fields.userId.invalid", { text }) });
  else if (text.length > MAX_USER_ID_LENGTH) ctx.addIssue({ code: "custom", message: msg("fields.userId.tooLong", { max: MAX_USER_ID_LENGTH }) });
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

// Message references (fields.localpart.*), rendered in the reader's language by whoever shows them.
const LOCALPART_MESSAGES: Record<LocalpartProblem, string> = {
  empty: msg("fields.localpart.empty"),
  spaces: msg("fields.localpart.chars"),
  uppercase: msg("fields.localpart.uppercase"),
  chars: msg("fields.localpart.chars"),
  underscore: msg("fields.localpart.underscore"),
  digits: msg("fields.localpart.digits"),
  "too-long": msg("fields.localpart.tooLong", { max: MAX_USER_ID_LENGTH }),
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

export const displaynameField = z.string().trim().max(MAX_DISPLAYNAME_LENGTH, msg("fields.displayname.tooLong", { max: MAX_DISPLAYNAME_LENGTH }));

const passwordTooLong = msg("fields.password.tooLong", { max: MAX_PASSWORD_LENGTH });

export const passwordField = z
  .string()
  .min(1, msg("fields.password.empty"))
  .max(MAX_PASSWORD_LENGTH, passwordTooLong)
  .refine((v) => v.trim().length > 0, msg("fields.password.spaces"));

/** A password that may be left empty (generated, or not set). */
export const optionalPasswordField = z.string().max(MAX_PASSWORD_LENGTH, passwordTooLong).default("");
