// Shared by the login forms (client) and the login actions (server).
import { z } from "zod";
import { parseMxid } from "@/lib/matrix/mxid";
import { normalizeHomeserverUrl } from "@/lib/matrix/homeserver-url";
import { msg } from "@/lib/i18n/message";

export const mxidField = z.string().superRefine((v, ctx) => {
  const r = parseMxid(v);
  if (!r.ok) ctx.addIssue({ code: "custom", message: r.message });
});

export const homeserverUrlField = z.string().superRefine((v, ctx) => {
  const r = normalizeHomeserverUrl(v);
  if (!r.ok) ctx.addIssue({ code: "custom", message: r.message });
});

export const passwordLoginSchema = z.object({
  mxid: mxidField,
  password: z.string().min(1, msg("fields.password.loginEmpty")),
  homeserverUrl: homeserverUrlField,
});
export type PasswordLoginInput = z.infer<typeof passwordLoginSchema>;

export const tokenLoginSchema = z.object({
  accessToken: z
    .string()
    .trim()
    .min(1, msg("fields.accessToken.empty"))
    .regex(/^[\x21-\x7E]+$/, msg("fields.accessToken.invalid")),
  homeserverUrl: homeserverUrlField,
});
export type TokenLoginInput = z.infer<typeof tokenLoginSchema>;
