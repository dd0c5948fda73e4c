// Numbers, byte sizes and dates in the reader's language. Pure and client-safe.
// Times are shown in UTC everywhere (server and browser render the same text, and admins compare them with
// Synapse's logs), with the zone named.

export const TIME_ZONE = "UTC";
const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** Binary sizes with the units admins type elsewhere in the portal (1 KB = 1024 B): "1.50 MB", "1,50 MB". */
export function formatBytes(bytes: number, locale = "en"): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  const digits = () => (unit === 0 ? 0 : value < 10 ? 2 : 1);
  const rounded = () => Number(value.toFixed(digits()));
  // Round first, then move up a unit if rounding reached 1024 ("1.00 MB", not "1024.0 KB").
  while ((value >= 1024 || rounded() >= 1024) && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const n = new Intl.NumberFormat(locale, { minimumFractionDigits: digits(), maximumFractionDigits: digits(), useGrouping: false }).format(value);
  return `${n} ${UNITS[unit]}`;
}

export function formatCount(n: number, locale = "en"): string {
  return new Intl.NumberFormat(locale === "en" ? "en-US" : locale).format(n);
}

/** "2026-12-03 13:53:06 UTC" in English (the form Synapse's logs use); "03.12.2026, 13:53:06 UTC" in German. */
export function formatDateTime(d: Date, locale = "en"): string {
  if (locale === "en") return d.toISOString().replace("T", " ").slice(0, 19) + " UTC";
  const text = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: TIME_ZONE }).format(d);
  return `${text} UTC`;
}

/** "40 s", "2 min 5 s", "1 h 3 min" (unit symbols read the same in our languages); "—" when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The three formatters bound to a language (what components and server code use, see lib/i18n). */
export function formattersFor(locale: string) {
  return {
    bytes: (n: number) => formatBytes(n, locale),
    count: (n: number) => formatCount(n, locale),
    dateTime: (d: Date) => formatDateTime(d, locale),
  };
}
