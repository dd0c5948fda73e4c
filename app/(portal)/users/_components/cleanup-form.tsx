"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import Link from "next/link";
import type { CleanupPreview } from "@/lib/jobs/moderation-start";
import type { JobView } from "@/lib/jobs/jobs";
import { CLEANUP_STEPS, type CleanupStep } from "@/lib/schemas/moderation";
import { cancelModerationJobAction, previewSpamCleanupAction, resumeModerationJobAction, startSpamCleanupAction } from "../[id]/moderation-actions";
import { JobProgress } from "@/app/(portal)/_components/job-progress";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

/** Spam clean-up: list the users, preview what would be touched, then run one job over all of them. */
export function CleanupForm({ initialUsers }: { initialUsers: string }) {
  const t = useTranslations("moderation.cleanup");
  const [users, setUsers] = useState(initialUsers);
  const [steps, setSteps] = useState<Set<CleanupStep>>(new Set(CLEANUP_STEPS));
  const [erase, setErase] = useState(false);
  const [reason, setReason] = useState("");
  const [preview, setPreview] = useState<{ for: string; data: CleanupPreview } | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const look = useAction();
  const start = useAction();
  const current = preview && preview.for === users ? preview.data : null;
  const toggle = (s: CleanupStep, on: boolean) => setSteps((x) => (on ? new Set(x).add(s) : new Set([...x].filter((y) => y !== s))));

  return (
    <div className="flex flex-col gap-4">
      <section className="card flex flex-col gap-3" aria-label={t("users")}>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("userIds")}</span>
          <textarea className="field min-h-28 font-mono text-xs" value={users} onChange={(e) => setUsers(e.target.value)} placeholder="@spammer1:example.org" />
        </label>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-medium">{t("steps")}</legend>
          {CLEANUP_STEPS.map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="checkbox" checked={steps.has(s)} onChange={(e) => toggle(s, e.target.checked)} /> {t(`stepLabels.${s}`)}
            </label>
          ))}
          <label className="ml-6 flex items-center gap-2">
            <input type="checkbox" checked={erase} disabled={!steps.has("deactivate")} onChange={(e) => setErase(e.target.checked)} /> {t("erase")}
          </label>
        </fieldset>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("reason")}</span>
          <input className="field max-w-xl" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div>
          <button
            type="button"
            className="btn-secondary"
            disabled={look.pending}
            onClick={() => look.run(() => previewSpamCleanupAction({ userIds: [users] }), (d) => (setPreview({ for: users, data: d }), ""))}
          >
            {t("preview")}
          </button>
        </div>
        <OutcomeLine outcome={look.outcome} />
      </section>
      {current && <PreviewTable preview={current} />}
      {current && current.totals.users > 0 && (
        <section className="card flex flex-col gap-2" aria-label={t("run")}>
          <p className="text-sm">
            {t("irreversible")} {steps.has("deactivate") ? t("noSignIn") : ""}
          </p>
          <button
            type="button"
            className="btn-danger self-start"
            disabled={start.pending || (job !== null && !job.ended)}
            onClick={() =>
              start.run(
                () => startSpamCleanupAction({ userIds: current.rows.filter((r) => r.exists).map((r) => r.userId), steps: [...steps], erase: erase && steps.has("deactivate"), reason }),
                (v) => (setJob(v), t("started")),
              )
            }
          >
            {t("start", { count: current.totals.users })}
          </button>
          <OutcomeLine outcome={start.outcome} />
        </section>
      )}
      {job && <JobProgress key={job.id} initial={job} label={t("progress")} unit={t("unit")} cancel={cancelModerationJobAction} resume={resumeModerationJobAction} />}
      {job && <Link href={`/users/moderation/${job.id}`} className="text-sm underline">{t("openJob")}</Link>}
    </div>
  );
}

function PreviewTable({ preview }: { preview: CleanupPreview }) {
  const t = useTranslations("moderation.cleanup.previewTable");
  const { bytes } = useFormat();
  const n = preview.totals;
  return (
    <section className="card flex flex-col gap-2" aria-label={t("label")}>
      <p className="text-sm" data-testid="cleanup-preview-summary">
        {t("summary", { users: n.users, rooms: n.rooms, files: n.files, bytes: bytes(n.bytes) })}
      </p>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line text-muted">
          <tr>
            <th className="py-1 pr-3">{t("user")}</th>
            <th className="py-1 pr-3">{t("rooms")}</th>
            <th className="py-1 pr-3">{t("files")}</th>
            <th className="py-1 pr-3">{t("note")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.userId} className="border-b border-line" data-testid="cleanup-preview-row">
              <td className="py-1 pr-3 font-mono text-xs">{r.userId}</td>
              <td className="py-1 pr-3">{r.exists ? t("count", { n: r.rooms }) : "—"}</td>
              <td className="py-1 pr-3">{r.exists ? t("count", { n: r.files }) : "—"}</td>
              <td className="py-1 pr-3 text-xs">
                {!r.exists && <span className="text-danger">{t("noUser")}</span>}
                {r.deactivated && `${t("deactivated")} `}
                {r.admin && `${t("admin")} `}
                {r.appservice && `${t("appservice", { id: r.appservice })} `}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
