"use client";
// The language switcher of the header and the login page. Without JavaScript its button submits the form; with it,
// choosing a language is enough.
import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { setLocaleAction } from "./locale-action";

export function LocaleSwitcher() {
  const t = useTranslations("localeSwitcher");
  const locale = useLocale();
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={setLocaleAction} className="flex items-center gap-1 text-sm" data-testid="locale-switcher">
      <label htmlFor="portal-locale" className="sr-only">
        {t("label")}
      </label>
      <select id="portal-locale" name="locale" defaultValue={locale} onChange={() => form.current?.requestSubmit()} className="field w-auto py-1">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-secondary py-1">
          {t("apply")}
        </button>
      </noscript>
    </form>
  );
}
