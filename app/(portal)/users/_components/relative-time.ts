// "3 days ago" for the users list, in the reader's language. Pure; the exact time goes in the title.

const UNITS: [number, Intl.RelativeTimeFormatUnit][] = [
  [365 * 24 * 3600_000, "year"],
  [30 * 24 * 3600_000, "month"],
  [7 * 24 * 3600_000, "week"],
  [24 * 3600_000, "day"],
  [3600_000, "hour"],
  [60_000, "minute"],
];

/** justNow: the words for under a minute (Intl would say "now"); the caller passes them in its language. */
export function relativeTime(ms: number, now: number, locale = "en", justNow = "just now"): string {
  const diff = now - ms;
  const abs = Math.abs(diff);
  if (abs < 60_000) return justNow;
  // numeric "auto" would say "yesterday"; "always" keeps "1 day ago" as the list has always said.
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  for (const [size, unit] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      return rtf.format(diff >= 0 ? -n : n, unit);
    }
  }
  return justNow;
}
