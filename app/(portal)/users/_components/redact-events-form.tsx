"use client";
import { useState } from "react";
import Link from "next/link";
import type { JobView } from "@/lib/jobs/jobs";
import { REDACT_REASON_MAX } from "@/lib/schemas/moderation";
import { cancelModerationJobAction, redactUserEventsAction, resumeModerationJobAction } from "../[id]/moderation-actions";
import { ConfirmButton } from "@/app/(portal)/_components/dialog";
import { JobProgress } from "@/app/(portal)/_components/job-progress";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

type Room = { roomId: string; name: string | null };

/** Redact all of a user's events, in every room or the chosen ones, as a job with progress. */
export function RedactEventsForm({ userId, rooms }: { userId: string; rooms: Room[] }) {
  const [scope, setScope] = useState<"all" | "chosen">("all");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [job, setJob] = useState<JobView | null>(null);
  const { run, pending, outcome } = useAction();
  const toggle = (id: string, on: boolean) => setChosen((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))));

  return (
    <section className="card flex flex-col gap-3" aria-label="Redact events">
      <h2 className="font-semibold">Redact all of this user&apos;s events</h2>
      <p className="text-sm text-muted">
        Synapse removes the content of every event the user sent (messages, reactions, state such as display names) and keeps the rest of the room.
        It runs as a job on the server: you can leave the page, the job page shows its progress and results.
      </p>
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="font-medium">Where</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="redact-scope" checked={scope === "all"} onChange={() => setScope("all")} /> In every room the user is or was in
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="redact-scope" checked={scope === "chosen"} onChange={() => setScope("chosen")} /> Only in the rooms chosen below
        </label>
      </fieldset>
      {scope === "chosen" && (
        <fieldset className="flex max-h-60 flex-col gap-1 overflow-auto text-sm" aria-label="Rooms to redact in">
          {rooms.length === 0 && <p className="text-muted">The user is in no room now.</p>}
          {rooms.map((r) => (
            <label key={r.roomId} className="flex items-center gap-2">
              <input type="checkbox" checked={chosen.has(r.roomId)} onChange={(e) => toggle(r.roomId, e.target.checked)} aria-label={`Redact in ${r.name ?? r.roomId}`} />
              <span>{r.name ?? "(no name)"}</span> <span className="font-mono text-xs text-muted">{r.roomId}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Reason (optional, shown in the rooms)</span>
        <input className="field max-w-xl" value={reason} maxLength={REDACT_REASON_MAX} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div>
        <ConfirmButton
          label="Redact events"
          confirmLabel="Redact"
          question={scope === "all" ? "Redact every event of this user in every room?" : `Redact this user's events in ${chosen.size} rooms?`}
          danger
          pending={pending || (job !== null && !job.ended)}
          onConfirm={() =>
            run(
              () => redactUserEventsAction({ userId, scope, rooms: [...chosen], reason }),
              (v) => (setJob(v), "The redaction job was started."),
            )
          }
        />
      </div>
      <OutcomeLine outcome={outcome} />
      {job && <JobProgress key={job.id} initial={job} label="Redacting events" unit="users" cancel={cancelModerationJobAction} resume={resumeModerationJobAction} />}
      {job && <Link href={`/users/moderation/${job.id}`} className="text-sm underline">Open the job page (results)</Link>}
    </section>
  );
}
