// Shared by the login forms (client) and the login actions (server).
import { z } from "zod";
import { parseMxid } from "@/lib/matrix/mxid";
import { normalizeHomeserverUrl } from "@/lib/matrix/homeserver-url";

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
  password: z.string().min(1, "Enter your password."),
  homeserverUrl: homeserverUrlField,
});
export type PasswordLoginInput = z.infer<typeof passwordLoginSchema>;

export const tokenLoginSchema = z.object({
  accessToken: z
    .string()
    .trim()
    .min(1, "Paste an access token.")
    .regex(/^[\x21-\x7E]+$/, "An access token has no spaces or special characters."),
  homeserverUrl: homeserverUrlField,
});
export type TokenLoginInput = z.infer<typeof tokenLoginSchema>;
