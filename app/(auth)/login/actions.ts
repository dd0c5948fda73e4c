"use server";
// Login endpoints. They run before there is a session, so they authorize nothing and change nothing
// on Synapse except creating (or, for non-admins, revoking) the admin's own token. Rate-limited per address.
import { redirect } from "next/navigation";
import type { z } from "zod";
import { fail, type ActionResult } from "@/lib/result";
import { firstFieldErrors } from "@/lib/schemas/fields";
import { passwordLoginSchema, tokenLoginSchema } from "@/lib/schemas/login";
import { signInWithAccessToken, signInWithPassword, type SignInResult } from "@/lib/auth/sign-in";
import { discoverForMxid, probeForLogin, type HomeserverInfo } from "@/lib/auth/login-probe";
import { limitAnonymous } from "@/lib/auth/anonymous-limit";
import { msg } from "@/lib/i18n/message";
import { getMessageRenderer, localizeResult } from "@/lib/i18n/server";

export async function discoverHomeserverAction(mxid: string): Promise<ActionResult<{ baseUrl: string; source: string }>> {
  return localizeResult((await limitAnonymous("probe")) ?? (await discoverForMxid(String(mxid))));
}

export async function probeHomeserverAction(url: string): Promise<ActionResult<HomeserverInfo>> {
  const r = (await limitAnonymous("probe")) ?? (await probeForLogin(String(url)));
  // The label of a homeserver that is not Synapse is a sentence too.
  return r.ok ? { ...r, data: { ...r.data, label: (await getMessageRenderer())(r.data.label) } } : localizeResult(r);
}

/** Checks the input, then signs in (rate-limited per address) and goes to the dashboard. */
async function signIn<T>(schema: z.ZodType<T>, input: unknown, start: (input: T) => Promise<SignInResult>): Promise<ActionResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return localizeResult(fail("INVALID_INPUT", msg("errors.CHECK_FIELDS"), firstFieldErrors(parsed.error)));
  const result = (await limitAnonymous("sign-in")) ?? (await start(parsed.data));
  if (!result.ok) return localizeResult(result);
  redirect("/");
}

export async function passwordLoginAction(input: unknown): Promise<ActionResult> {
  return signIn(passwordLoginSchema, input, signInWithPassword);
}

export async function tokenLoginAction(input: unknown): Promise<ActionResult> {
  return signIn(tokenLoginSchema, input, signInWithAccessToken);
}
