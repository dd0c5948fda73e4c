// next-intl's per-request configuration (no locale in URLs): the language from the cookie, else Accept-Language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, pickLocale } from "@/lib/i18n/locales";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { TIME_ZONE } from "@/lib/format";

export default getRequestConfig(async () => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(jar.get(LOCALE_COOKIE)?.value, h.get("accept-language"));
  return { locale, messages: CATALOGUES[locale], timeZone: TIME_ZONE };
});
