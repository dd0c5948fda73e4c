"use client";
import { useSyncExternalStore } from "react";
import { useLocale } from "next-intl";

const noSubscribe = () => () => {};
const SHOWN: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };

/** A moment in the admin's own time zone (the server renders UTC until the browser takes over), in the portal's language. */
export function LocalTime({ ms, empty = "—" }: { ms: number | null; empty?: string }) {
  const locale = useLocale();
  const local = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  if (ms === null) return <>{empty}</>;
  const d = new Date(ms);
  const utc = locale === "en" ? d.toISOString().replace("T", " ").slice(0, 16) : d.toLocaleString(locale, { ...SHOWN, timeZone: "UTC" });
  const text = local ? d.toLocaleString(locale, SHOWN) : `${utc} UTC`;
  return (
    <time dateTime={d.toISOString()} data-ms={ms}>
      {text}
    </time>
  );
}
