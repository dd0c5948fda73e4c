"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { RoomJobPhase, RoomJobView } from "@/lib/jobs/room-tasks";
import { ProgressBar } from "@/app/(portal)/_components/progress-bar";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";

const POLL_MS = 1000;

const STEPS: RoomJobPhase[] = ["queued", "scheduled", "active", "complete"];

const PHASE_TEXT: Record<RoomJobView["kind"], Record<RoomJobPhase, string>> = {
  "room.delete": {
    queued: "Queued: waiting for a free slot (at most 2 deletes run at once)",
    scheduled: "Scheduled by Synapse",
    active: "Removing members and purging the room",
    complete: "Complete",
    failed: "Failed",
  },
  "room.purge-history": {
    queued: "Starting",
    scheduled: "Scheduled by Synapse",
    active: "Purging history",
    complete: "Complete",
    failed: "Failed",
  },
};

/**
 * Progress of room deletes and history purges. Polls the status endpoint while any job runs; the jobs
 * themselves are followed by the server, so closing the page does not stop or lose them.
 */
export function RoomJobProgress({ ids, heading }: { ids: number[]; heading: string }) {
  const router = useRouter();
  const [jobs, setJobs] = useState<RoomJobView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sawRunning = useRef(false);
  const key = ids.join(",");

  useEffect(() => {
    if (!key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch(`/rooms/job-status?ids=${key}`, { cache: "no-store", redirect: "manual" });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { jobs: RoomJobView[] };
        if (stopped) return;
        setProblem(null);
        setJobs(body.jobs);
        if (body.jobs.some((j) => j.status === "running")) sawRunning.current = true;
        else {
          if (sawRunning.current) router.refresh(); // the room list or timeline changed
          return;
        }
      } catch {
        if (stopped) return;
        setProblem("Could not read the progress (is your session still valid?). The work continues on the server; reload the page to check.");
      }
      timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, router]);

  if (!key) return null;
  return (
    <section className="card flex flex-col gap-3" aria-label={heading}>
      <h2 className="font-semibold">{heading}</h2>
      <OutcomeLine error={problem} />
      {jobs === null && !problem && <p className="text-sm text-muted">Reading progress…</p>}
      <ul className="flex flex-col gap-3" aria-live="polite">
        {jobs?.map((j) => (
          <JobRow key={j.id} job={j} />
        ))}
      </ul>
    </section>
  );
}

function JobRow({ job }: { job: RoomJobView }) {
  const step = job.phase === "failed" ? 0 : STEPS.indexOf(job.phase);
  const label = job.kind === "room.delete" ? "Delete room" : "Purge history of";
  const r = job.result;
  return (
    <li data-testid="room-job" data-status={job.status} data-room={job.roomId} className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{label}</span>
        <Link href={`/rooms/${encodeURIComponent(job.roomId)}`} className="font-mono text-xs underline">
          {job.roomId}
        </Link>
        <span
          data-testid="room-job-phase"
          className={job.phase === "failed" ? "text-danger" : job.phase === "complete" ? "text-ok" : "text-muted"}
        >
          {PHASE_TEXT[job.kind][job.phase]}
          {job.status === "running" && job.phase !== "queued" ? "…" : ""}
        </span>
      </div>
      {job.phase !== "failed" && (
        <div className="max-w-md">
          <ProgressBar label={`Progress of job ${job.id}`} done={Math.max(0, step)} total={STEPS.length - 1} />
        </div>
      )}
      {job.error && (
        <p className="text-danger">
          {job.error}
          {job.kind === "room.delete" && " Deleting the room again retries it (members already removed stay removed)."}
        </p>
      )}
      {r && job.phase === "complete" && (
        <p className="text-muted">
          {r.kickedUsers.length} local member{r.kickedUsers.length === 1 ? "" : "s"} removed
          {r.failedToKickUsers.length > 0 && `, ${r.failedToKickUsers.length} could not be removed (${r.failedToKickUsers.join(", ")})`}
          {r.localAliases.length > 0 && `; aliases moved: ${r.localAliases.join(", ")}`}
          {r.newRoomId && (
            <>
              {"; members moved to "}
              <Link href={`/rooms/${encodeURIComponent(r.newRoomId)}`} className="font-mono underline">
                {r.newRoomId}
              </Link>
            </>
          )}
          .
        </p>
      )}
    </li>
  );
}
