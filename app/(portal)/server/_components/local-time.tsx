"use client";
import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/** A moment in the admin's own time zone (the server renders UTC until the browser takes over). */
export function LocalTime({ ms, empty = "—" }: { ms: number | null; empty?: string }) {
  const local = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  if (ms === null) return <>{empty}</>;
  const d = new Date(ms);
  const text = local
    ? d.toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })
    : d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return (
    <time dateTime={d.toISOString()} data-ms={ms}>
      {text}
    </time>
  );
}
