import "server-only";
// The server side's way to words and numbers in a request: next-intl bound to the reader's language.
import { getLocale, getTranslations } from "next-intl/server";
import { formattersFor } from "@/lib/format";
import { isLocale, DEFAULT_LOCALE, type Locale } from "./locales";
import { renderMessage } from "./message";

/** The request's language (cookie, else Accept-Language). */
export async function requestLocale(): Promise<Locale> {
  const l = await getLocale();
  return isLocale(l) ? l : DEFAULT_LOCALE;
}

/** Byte sizes, counts and dates in the request's language. */
export async function getFormat() {
  const locale = await requestLocale();
  return { locale, ...formattersFor(locale) };
}

/** Renders a message reference (msg(...)) in the request's language, or shows text as it is. */
export async function getMessageRenderer() {
  const t = (await getTranslations()) as unknown as (key: string, values?: Record<string, string | number | Date>) => string;
  return (text: string) => renderMessage(t, text);
}

/** An action's result as the reader sees it: its message and field messages rendered in the request's language. */
export async function localizeResult<R extends { ok: boolean; error?: { message: string; fieldErrors?: Record<string, string> } }>(result: R): Promise<R> {
  if (result.ok || !result.error) return result;
  const render = await getMessageRenderer();
  const { message, fieldErrors } = result.error;
  return {
    ...result,
    error: {
      ...result.error,
      message: render(message),
      ...(fieldErrors ? { fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, render(v)])) } : {}),
    },
  };
}
