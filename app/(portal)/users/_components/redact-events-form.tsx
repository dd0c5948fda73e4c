"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("moderation.redact");
  const [scope, setScope] = useState<"all" | "chosen">("all");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [job, setJob] = useState<JobView | null>(null);
  const { run, pending, outcome } = useAction();
  const toggle = (id: string, on: boolean) => setChosen((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))));

  return (
    <section className="card flex flex-col gap-3" aria-label={t("label")}>
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">
        {t("help")}
      </p>
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="font-medium">{t("where")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="redact-scope" checked={scope === "all"} onChange={() => setScope("all")} /> {t("all")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="redact-scope" checked={scope === "chosen"} onChange={() => setScope("chosen")} /> {t("chosen")}
        </label>
      </fieldset>
      {scope === "chosen" && (
        <fieldset className="flex max-h-60 flex-col gap-1 overflow-auto text-sm" aria-label={t("rooms")}>
          {rooms.length === 0 && <p className="text-muted">{t("noRooms")}</p>}
          {rooms.map((r) => (
            <label key={r.roomId} className="flex items-center gap-2">
              <input type="checkbox" checked={chosen.has(r.roomId)} onChange={(e) => toggle(r.roomId, e.target.checked)} aria-label={t("inRoom", { room: r.name ?? r.roomId })} />
              <span>{r.name ?? t("noName")}</span> <span className="font-mono text-xs text-muted">{r.roomId}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t("reason")}</span>
        <input className="field max-w-xl" value={reason} maxLength={REDACT_REASON_MAX} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div>
        <ConfirmButton
          label={t("button")}
          confirmLabel={t("confirm")}
          question={scope === "all" ? t("questionAll") : t("questionChosen", { count: chosen.size })}
          danger
          pending={pending || (job !== null && !job.ended)}
          onConfirm={() =>
            run(
              () => redactUserEventsAction({ userId, scope, rooms: [...chosen], reason }),
              (v) => (setJob(v), t("started")),
            )
          }
        />
      </div>
      <OutcomeLine outcome={outcome} />
      {job && <JobProgress key={job.id} initial={job} label={t("progress")} unit={t("unit")} cancel={cancelModerationJobAction} resume={resumeModerationJobAction} />}
      {job && <Link href={`/users/moderation/${job.id}`} className="text-sm underline">{t("openJob")}</Link>}
    </section>
  );
}
