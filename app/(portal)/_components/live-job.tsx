"use client";
import { useCallback, useRef } from "react";
import { useRouter } from "next/navigation";
import type { JobView } from "@/lib/jobs/jobs";
import type { ActionResult } from "@/lib/result";
import { JobProgress } from "./job-progress";

type JobAction = (raw: { jobId: number }) => Promise<ActionResult<unknown>>;

/**
 * <JobProgress> on a page that also shows server-rendered parts of the job (a summary, per-item results):
 * each time the job moves on, the page's server data is refreshed.
 */
export function LiveJob(props: { initial: JobView; label: string; unit: string; cancel: JobAction; resume: JobAction }) {
  const router = useRouter();
  const last = useRef(`${props.initial.status}:${props.initial.done}:${props.initial.total}`);
  const onChange = useCallback(
    (v: JobView) => {
      const key = `${v.status}:${v.done}:${v.total}`;
      if (key === last.current) return;
      last.current = key;
      router.refresh();
    },
    [router],
  );
  return <JobProgress {...props} onChange={onChange} />;
}
