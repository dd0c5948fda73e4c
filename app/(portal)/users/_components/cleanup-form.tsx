"use client";
import { useState } from "react";
import Link from "next/link";
import type { CleanupPreview } from "@/lib/jobs/moderation-start";
import type { JobView } from "@/lib/jobs/jobs";
import { CLEANUP_STEP_LABELS, CLEANUP_STEPS, type CleanupStep } from "@/lib/schemas/moderation";
import { formatBytes, formatCount } from "@/lib/format";
import { cancelModerationJobAction, previewSpamCleanupAction, resumeModerationJobAction, startSpamCleanupAction } from "../[id]/moderation-actions";
import { JobProgress } from "@/app/(portal)/_components/job-progress";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

/** Spam clean-up: list the users, preview what would be touched, then run one job over all of them. */
export function CleanupForm({ initialUsers }: { initialUsers: string }) {
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
      <section className="card flex flex-col gap-3" aria-label="Users to clean up">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">User IDs (one per line)</span>
          <textarea className="field min-h-28 font-mono text-xs" value={users} onChange={(e) => setUsers(e.target.value)} placeholder="@spammer1:example.org" />
        </label>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-medium">Steps, in this order for each user</legend>
          {CLEANUP_STEPS.map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="checkbox" checked={steps.has(s)} onChange={(e) => toggle(s, e.target.checked)} /> {CLEANUP_STEP_LABELS[s]}
            </label>
          ))}
          <label className="ml-6 flex items-center gap-2">
            <input type="checkbox" checked={erase} disabled={!steps.has("deactivate")} onChange={(e) => setErase(e.target.checked)} /> Also erase (display name, avatar; their
            messages are hidden from new members)
          </label>
        </fieldset>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Reason for the redactions (optional, shown in the rooms)</span>
          <input className="field max-w-xl" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div>
          <button
            type="button"
            className="btn-secondary"
            disabled={look.pending}
            onClick={() => look.run(() => previewSpamCleanupAction({ userIds: [users] }), (d) => (setPreview({ for: users, data: d }), ""))}
          >
            Preview
          </button>
        </div>
        <OutcomeLine outcome={look.outcome} />
      </section>
      {current && <PreviewTable preview={current} />}
      {current && current.totals.users > 0 && (
        <section className="card flex flex-col gap-2" aria-label="Run the clean-up">
          <p className="text-sm">
            This cannot be undone. {steps.has("deactivate") ? "The accounts cannot sign in again." : ""}
          </p>
          <button
            type="button"
            className="btn-danger self-start"
            disabled={start.pending || (job !== null && !job.ended)}
            onClick={() =>
              start.run(
                () => startSpamCleanupAction({ userIds: current.rows.filter((r) => r.exists).map((r) => r.userId), steps: [...steps], erase: erase && steps.has("deactivate"), reason }),
                (v) => (setJob(v), "The clean-up job was started; it goes on if you leave this page."),
              )
            }
          >
            Clean up {formatCount(current.totals.users)} {current.totals.users === 1 ? "user" : "users"}
          </button>
          <OutcomeLine outcome={start.outcome} />
        </section>
      )}
      {job && <JobProgress key={job.id} initial={job} label="Spam clean-up" unit="steps" cancel={cancelModerationJobAction} resume={resumeModerationJobAction} />}
      {job && <Link href={`/users/moderation/${job.id}`} className="text-sm underline">Open the job page (each step&apos;s result)</Link>}
    </div>
  );
}

function PreviewTable({ preview }: { preview: CleanupPreview }) {
  const t = preview.totals;
  return (
    <section className="card flex flex-col gap-2" aria-label="Preview">
      <p className="text-sm" data-testid="cleanup-preview-summary">
        {formatCount(t.users)} users, in {formatCount(t.rooms)} rooms, with {formatCount(t.files)} files ({formatBytes(t.bytes)}). Events: unknown until run (Synapse
        does not count a user&apos;s events; the redaction reports what it did).
      </p>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line text-muted">
          <tr>
            <th className="py-1 pr-3">User</th>
            <th className="py-1 pr-3">Rooms</th>
            <th className="py-1 pr-3">Files</th>
            <th className="py-1 pr-3">Note</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.userId} className="border-b border-line" data-testid="cleanup-preview-row">
              <td className="py-1 pr-3 font-mono text-xs">{r.userId}</td>
              <td className="py-1 pr-3">{r.exists ? formatCount(r.rooms) : "—"}</td>
              <td className="py-1 pr-3">{r.exists ? formatCount(r.files) : "—"}</td>
              <td className="py-1 pr-3 text-xs">
                {!r.exists && <span className="text-danger">No such user: left out.</span>}
                {r.deactivated && "Already deactivated: they left their rooms, so their events there cannot be redacted in their name. "}
                {r.admin && "A server admin. "}
                {r.appservice && `Managed by the appservice ${r.appservice} (a bridge or bot). `}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
