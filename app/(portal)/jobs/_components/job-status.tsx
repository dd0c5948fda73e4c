import { useTranslations } from "next-intl";
import type { JobStatus } from "@/lib/schemas/import";

const TONE: Partial<Record<JobStatus, string>> = {
  completed: "text-ok",
  running: "text-sky-700 dark:text-sky-300",
  paused: "text-amber-700 dark:text-amber-300",
  review: "text-amber-700 dark:text-amber-300",
  stopped: "text-danger",
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const t = useTranslations("jobs.status");
  return (
    <span className={`font-medium ${TONE[status] ?? ""}`} data-testid="job-status">
      {t(status)}
    </span>
  );
}
