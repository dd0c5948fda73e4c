import { useLocale, useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import { relativeTime } from "./relative-time";

/** A relative time with the exact time on hover, in the reader's language. */
export function When({ ms, now, never }: { ms: number | null; now: number; never?: string }) {
  const t = useTranslations("users.when");
  const locale = useLocale();
  const { dateTime } = useFormat();
  if (ms === null) return <span className="text-muted">{never ?? t("never")}</span>;
  const d = new Date(ms);
  return (
    <time dateTime={d.toISOString()} title={dateTime(d)}>
      {relativeTime(ms, now, locale, t("justNow"))}
    </time>
  );
}
