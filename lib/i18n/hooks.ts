// Words and numbers in components (client or server, not async): hooks over next-intl in the reader's language.
import { useLocale, useTranslations } from "next-intl";
import { formattersFor } from "@/lib/format";
import { renderMessage } from "./message";

/** Byte sizes, counts and dates in the reader's language. */
export function useFormat() {
  return formattersFor(useLocale());
}

/** Renders a message reference (msg(...)) or shows text as it is (see lib/i18n/message.ts). */
export function useMessage() {
  const t = useTranslations() as unknown as (key: string, values?: Record<string, string | number | Date>) => string;
  return (text: string) => renderMessage(t, text);
}
