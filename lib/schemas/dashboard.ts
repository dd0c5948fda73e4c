// The dashboard's figures and their chart geometry. Pure and client-safe.
import { z } from "zod";

export const ACTIVE_WINDOWS_DAYS = [1, 7, 30] as const;

export type UserActivity = {
  totalUsers: number;
  /** "YYYY-MM" (UTC), oldest first */
  perMonth: { month: string; count: number }[];
  active: { days: number; count: number }[];
};

export function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** "2026-03" → "Mar 2026" (German "März 2026"); `short` → the month alone ("Mar", "März"), for the chart's axis. */
export function monthLabel(key: string, locale = "en", form: "long" | "short" = "long"): string {
  const [y, m] = key.split("-").map(Number);
  const options: Intl.DateTimeFormatOptions = form === "short" ? { month: "short" } : { month: "short", year: "numeric" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(Date.UTC(y, m - 1, 1));
}

export type Bar = { x: number; y: number; width: number; height: number };

/** Bars for counts in a width×height box (a zero count is a 1-unit sliver so the month is still visible). */
export function barLayout(counts: number[], width: number, height: number, gap = 4): Bar[] {
  const max = Math.max(1, ...counts);
  const slot = counts.length ? width / counts.length : width;
  return counts.map((c, i) => {
    const h = c === 0 ? 1 : Math.max(1, Math.round((c / max) * height));
    return { x: Math.round(i * slot + gap / 2), y: height - h, width: Math.max(1, Math.round(slot - gap)), height: h };
  });
}

/** The Refresh button of the user activity figures takes no input. */
export const activityRefreshSchema = z.object({});
