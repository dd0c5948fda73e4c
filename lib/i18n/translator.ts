// A translator outside React and without a request: exports, logs, jobs and unit tests. Server-side.
import "server-only";
// use-intl/core (next-intl's own core, same version): "next-intl" under the react-server condition needs React's client API.
import { createTranslator } from "use-intl/core";
import { CATALOGUES } from "./catalogues";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { renderMessage } from "./message";
import { TIME_ZONE } from "@/lib/format";

type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** The root translator of a language (keys are full paths, e.g. "users.title"). */
export function translatorFor(locale: Locale = DEFAULT_LOCALE): Translate {
  return createTranslator({ locale, messages: CATALOGUES[locale], timeZone: TIME_ZONE }) as unknown as Translate;
}

/** A stored or returned message in a language (English unless told). */
export function messageIn(text: string, locale: Locale = DEFAULT_LOCALE): string {
  return renderMessage(translatorFor(locale), text);
}
