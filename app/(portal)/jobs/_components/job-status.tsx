import type { JobStatus } from "@/lib/schemas/import";

const STATUS_TEXT: Record<JobStatus, string> = {
  uploading: "uploading",
  review: "waiting for review",
  queued: "queued",
  running: "running",
  paused: "paused",
  cancelling: "cancelling",
  cancelled: "cancelled",
  stopped: "stopped",
  completed: "completed",
};

const TONE: Partial<Record<JobStatus, string>> = {
  completed: "text-ok",
  running: "text-sky-700 dark:text-sky-300",
  paused: "text-amber-700 dark:text-amber-300",
  review: "text-amber-700 dark:text-amber-300",
  stopped: "text-danger",
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <span className={`font-medium ${TONE[status] ?? ""}`} data-testid="job-status">
      {STATUS_TEXT[status]}
    </span>
  );
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
