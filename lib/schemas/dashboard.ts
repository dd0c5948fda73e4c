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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-03" → "Mar 2026". */
export function monthLabel(key: string): string {
  const [y, m] = key.split("-");
  return `${MONTHS[Number(m) - 1]} ${y}`;
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
