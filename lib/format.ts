// Display helpers. Pure and client-safe.

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** Binary sizes with the units admins type elsewhere in the portal (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  const shown = () => (unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1));
  // Round first, then move up a unit if rounding reached 1024 ("1.00 MB", not "1024.0 KB").
  while ((value >= 1024 || Number(shown()) >= 1024) && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${shown()} ${UNITS[unit]}`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat("en-US").format(n);
}

export function formatDateTime(d: Date): string {
  return d.toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

/** "40 s", "2 min 5 s", "1 h 3 min"; "—" when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
