"use client";
import { useRef } from "react";
import { useRouter } from "next/navigation";
import type { JobView } from "@/lib/jobs/jobs";
import { cancelModerationJobAction, resumeModerationJobAction } from "../[id]/moderation-actions";
import { JobProgress } from "@/app/(portal)/_components/job-progress";

/** A moderation job's progress; the server-rendered list of its steps is refreshed as they finish. */
export function ModerationJobPanel({ initial, label, unit }: { initial: JobView; label: string; unit: string }) {
  const router = useRouter();
  const seen = useRef(`${initial.done}|${initial.status}`);
  return (
    <JobProgress
      initial={initial}
      label={label}
      unit={unit}
      cancel={cancelModerationJobAction}
      resume={resumeModerationJobAction}
      onChange={(v) => {
        const now = `${v.done}|${v.status}`;
        if (now !== seen.current) (seen.current = now), router.refresh();
      }}
    />
  );
}
