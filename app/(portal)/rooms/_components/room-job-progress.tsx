"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { useMessage } from "@/lib/i18n/hooks";
import type { JobView } from "@/lib/jobs/jobs";
import type { RoomJobPanel, RoomJobPhase, RoomJobResult, RoomOutcome } from "@/lib/jobs/room-tasks";
import { JobProgress } from "@/app/(portal)/_components/job-progress";
import { ProgressBar } from "@/app/(portal)/_components/progress-bar";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";

const STEPS: RoomJobPhase[] = ["queued", "scheduled", "active", "complete"];

type Kind = "room.delete" | "room.purge-history";
/** Each kind's key in the catalogue's groups (rooms.jobs.job.<key>, rooms.jobs.phases.<key>.<phase>, …). */
const WORDS = { "room.delete": "delete", "room.purge-history": "purge" } as const;

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
  const t = useTranslations("rooms.jobs");
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
  const label = t(`job.${WORDS[kind]}`, { id: view.id });
  return (
    <li className="flex flex-col gap-2" data-testid="room-job-panel" data-job={view.id}>
      <JobProgress initial={panel.view} label={label} unit={t("unit", { count: panel.rooms.length })} cancel={cancelJobAction} resume={resumeJobAction} onChange={onChange} />
      <ul className="flex flex-col gap-3" aria-live="polite">
        {panel.rooms.map((roomId) => (
          <RoomRow key={roomId} kind={kind} roomId={roomId} outcome={rooms[roomId]} jobEnded={view.ended} />
        ))}
      </ul>
    </li>
  );
}

function RoomRow({ kind, roomId, outcome, jobEnded }: { kind: Kind; roomId: string; outcome: RoomOutcome | undefined; jobEnded: boolean }) {
  const t = useTranslations("rooms.jobs");
  const render = useMessage();
  const status = outcome?.status ?? (jobEnded ? "skipped" : "queued");
  const phase = outcome?.phase ?? "queued";
  const step = phase === "failed" ? 0 : STEPS.indexOf(phase);
  const text = status === "skipped" ? t("skipped") : t(`phases.${WORDS[kind]}.${phase}`);
  return (
    <li data-testid="room-job" data-status={status} data-room={roomId} className="flex flex-col gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t(`row.${WORDS[kind]}`)}</span>
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
          <ProgressBar label={t("progressOf", { roomId })} done={Math.max(0, step)} total={STEPS.length - 1} />
        </div>
      )}
      {outcome?.error && (
        <p className="text-danger">
          {render(outcome.error)}
          {kind === "room.delete" && ` ${t("delete.retry")}`}
        </p>
      )}
      {outcome && kind === "room.delete" && phase === "complete" && <DeleteOutcome o={outcome} />}
    </li>
  );
}

function DeleteOutcome({ o }: { o: RoomOutcome }) {
  const t = useTranslations("rooms.jobs.delete.outcome");
  const kicked = o.kickedUsers ?? [];
  const failed = o.failedToKickUsers ?? [];
  const aliases = o.localAliases ?? [];
  return (
    <p className="text-muted">
      {t("kicked", { count: kicked.length })}
      {failed.length > 0 && t("failed", { count: failed.length, users: failed.join(", ") })}
      {aliases.length > 0 && t("aliases", { aliases: aliases.join(", ") })}
      {o.newRoomId && (
        <>
          {t("movedTo")}
          <Link href={`/rooms/${encodeURIComponent(o.newRoomId)}`} className="font-mono underline">
            {o.newRoomId}
          </Link>
        </>
      )}
      .
    </p>
  );
}
