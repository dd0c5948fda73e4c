// "3 days ago" for the users list. Pure; the exact time goes in the title.

const UNITS: [number, string][] = [
  [365 * 24 * 3600_000, "year"],
  [30 * 24 * 3600_000, "month"],
  [7 * 24 * 3600_000, "week"],
  [24 * 3600_000, "day"],
  [3600_000, "hour"],
  [60_000, "minute"],
];

export function relativeTime(ms: number, now: number): string {
  const diff = now - ms;
  const abs = Math.abs(diff);
  if (abs < 60_000) return "just now";
  for (const [size, unit] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const text = `${n} ${unit}${n === 1 ? "" : "s"}`;
      return diff >= 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return "just now";
}
