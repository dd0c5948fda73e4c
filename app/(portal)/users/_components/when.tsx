import { formatDateTime } from "@/lib/format";
import { relativeTime } from "./relative-time";

/** A relative time with the exact UTC time on hover. */
export function When({ ms, now, never = "never" }: { ms: number | null; now: number; never?: string }) {
  if (ms === null) return <span className="text-muted">{never}</span>;
  const d = new Date(ms);
  return (
    <time dateTime={d.toISOString()} title={formatDateTime(d)}>
      {relativeTime(ms, now)}
    </time>
  );
}
