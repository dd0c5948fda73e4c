// The words a page's browser code can show, and no more: each page and layout with client components wraps itself
// in withClientMessages(scope), which hands its client components only the keys listed for it in
// i18n/client-keys.json (written from the sources by scripts/i18n-client-keys.ts; a unit test keeps it current).
// Sending the whole catalogue to every page made German pages load measurably slower.
import type { ComponentType } from "react";
import { NextIntlClientProvider } from "next-intl";
import CLIENT_KEYS from "@/i18n/client-keys.json";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { requestLocale } from "@/lib/i18n/server";
import { pickKeys } from "@/lib/i18n/pick-keys";
import type { Locale } from "@/lib/i18n/locales";

export type ClientScope = keyof typeof CLIENT_KEYS;

const picked = new Map<string, Record<string, unknown>>();

/** The scope's messages in the locale, picked once per process. In development every key (the list may lag). */
function messagesFor(scope: ClientScope, locale: Locale): Record<string, unknown> {
  if (process.env.NODE_ENV !== "production") return CATALOGUES[locale];
  const id = `${locale} ${scope}`;
  let messages = picked.get(id);
  if (!messages) picked.set(id, (messages = pickKeys(CATALOGUES[locale], CLIENT_KEYS[scope])));
  return messages;
}

/** The root provider's messages: none in production (every page and layout that shows words brings its own). */
export function rootClientMessages(locale: Locale): Record<string, unknown> {
  return process.env.NODE_ENV === "production" ? {} : CATALOGUES[locale];
}

/** A page or layout whose client components get the scope's keys (its folder under app/, e.g. "(portal)/users"). */
export function withClientMessages<P extends object>(scope: ClientScope, Component: ComponentType<P> | ((props: P) => Promise<React.ReactNode>)) {
  const Inner = Component as ComponentType<P>;
  async function WithClientMessages(props: P) {
    return (
      <NextIntlClientProvider messages={messagesFor(scope, await requestLocale())}>
        <Inner {...props} />
      </NextIntlClientProvider>
    );
  }
  return WithClientMessages;
}
