"use server";
// Remembers the admin's language. A server action, so Next's same-origin check guards it like every mutation.
import { cookies, headers } from "next/headers";
import { isHttpsFor } from "@/lib/auth/session-cookie";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

const ONE_YEAR = 365 * 24 * 60 * 60;

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return; // not one of ours: nothing changes
  const secure = isHttpsFor((await headers()).get("x-forwarded-proto"));
  (await cookies()).set(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: ONE_YEAR });
}
