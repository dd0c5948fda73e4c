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
