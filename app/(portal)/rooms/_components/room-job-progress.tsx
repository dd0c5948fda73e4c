"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { JobView } from "@/lib/jobs/jobs";
import type { RoomJobPanel, RoomJobPhase, RoomJobResult, RoomOutcome } from "@/lib/jobs/room-tasks";
import { JobProgress } from "@/app/(portal)/_components/job-progress";
import { ProgressBar } from "@/app/(portal)/_components/progress-bar";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";

const STEPS: RoomJobPhase[] = ["queued", "scheduled", "active", "complete"];

type Kind = "room.delete" | "room.purge-history";

const PHASE_TEXT: Record<Kind, Record<RoomJobPhase, string>> = {
  "room.delete": {
    queued: "Queued: waiting for a free slot (at most 2 rooms of a job delete at once)",
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
 * Progress of room deletes and history purges: the runtime's panel per job (polling /api/jobs/<id>, with
 * Cancel and Resume) and a line per room from the job's result. The jobs run on the server, on whichever
 * instance holds them, so closing the page or restarting the portal does not stop or lose them.
 */
export function RoomJobProgress({ panels, heading }: { panels: RoomJobPanel[]; heading: string }) {
  if (panels.length === 0) return null;
  return (
    <section className="card flex flex-col gap-3" aria-label={heading}>
      <h2 className="font-semibold">{heading}</h2>
      <ul className="flex flex-col gap-4">
        {panels.map((p) => (
          <RoomJob key={p.view.id} panel={p} />
        ))}
      </ul>
    </section>
  );
}

function RoomJob({ panel }: { panel: RoomJobPanel }) {
  const router = useRouter();
  const [view, setView] = useState<JobView>(panel.view);
  const onChange = useCallback(
    (v: JobView) => {
      setView(v);
      if (v.ended) router.refresh(); // the room list or timeline changed
    },
    [router],
  );
  const kind = view.kind as Kind;
  const rooms = (view.result as RoomJobResult | null)?.rooms ?? {};
  const label = `${kind === "room.delete" ? "Room delete" : "History purge"} job ${view.id}`;
  return (
    <li className="flex flex-col gap-2" data-testid="room-job-panel" data-job={view.id}>
      <JobProgress initial={panel.view} label={label} unit={panel.rooms.length === 1 ? "room" : "rooms"} cancel={cancelJobAction} resume={resumeJobAction} onChange={onChange} />
      <ul className="flex flex-col gap-3" aria-live="polite">
        {panel.rooms.map((roomId) => (
          <RoomRow key={roomId} kind={kind} roomId={roomId} outcome={rooms[roomId]} jobEnded={view.ended} />
        ))}
      </ul>
    </li>
  );
}

function RoomRow({ kind, roomId, outcome, jobEnded }: { kind: Kind; roomId: string; outcome: RoomOutcome | undefined; jobEnded: boolean }) {
  const status = outcome?.status ?? (jobEnded ? "skipped" : "queued");
  const phase = outcome?.phase ?? "queued";
  const step = phase === "failed" ? 0 : STEPS.indexOf(phase);
  const text = status === "skipped" ? "Not run: the job was cancelled" : PHASE_TEXT[kind][phase];
  return (
    <li data-testid="room-job" data-status={status} data-room={roomId} className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{kind === "room.delete" ? "Delete room" : "Purge history of"}</span>
        <Link href={`/rooms/${encodeURIComponent(roomId)}`} className="font-mono text-xs underline">
          {roomId}
        </Link>
        <span data-testid="room-job-phase" className={phase === "failed" ? "text-danger" : phase === "complete" ? "text-ok" : "text-muted"}>
          {text}
          {status === "running" && phase !== "queued" ? "…" : ""}
        </span>
      </div>
      {phase !== "failed" && status !== "skipped" && (
        <div className="max-w-md">
          <ProgressBar label={`Progress of ${roomId}`} done={Math.max(0, step)} total={STEPS.length - 1} />
        </div>
      )}
      {outcome?.error && (
        <p className="text-danger">
          {outcome.error}
          {kind === "room.delete" && " Deleting the room again retries it (members already removed stay removed)."}
        </p>
      )}
      {outcome && kind === "room.delete" && phase === "complete" && <DeleteOutcome o={outcome} />}
    </li>
  );
}

function DeleteOutcome({ o }: { o: RoomOutcome }) {
  const kicked = o.kickedUsers ?? [];
  const failed = o.failedToKickUsers ?? [];
  const aliases = o.localAliases ?? [];
  return (
    <p className="text-muted">
      {kicked.length} local member{kicked.length === 1 ? "" : "s"} removed
      {failed.length > 0 && `, ${failed.length} could not be removed (${failed.join(", ")})`}
      {aliases.length > 0 && `; aliases moved: ${aliases.join(", ")}`}
      {o.newRoomId && (
        <>
          {"; members moved to "}
          <Link href={`/rooms/${encodeURIComponent(o.newRoomId)}`} className="font-mono underline">
            {o.newRoomId}
          </Link>
        </>
      )}
      .
    </p>
  );
}
