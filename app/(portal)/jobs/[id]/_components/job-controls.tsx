"use client";
import { useCan } from "@/app/(portal)/_components/role";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/result";
import {
  cancelImportAction,
  purgePasswordsAction,
  rerunFailedRowsAction,
  resumeImportAction,
  runForRealAction,
  startImportAction,
} from "../actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

export type ControlsState = {
  jobId: number;
  canStart: boolean;
  startLabel: string;
  canCancel: boolean;
  cancelLabel: string;
  canResume: boolean;
  canRunForReal: boolean;
  rerunLabel: string | null;
  canPurge: boolean;
};

type AnyAction = (raw: unknown) => Promise<ActionResult<unknown>>;

export function JobControls(s: ControlsState) {
  const router = useRouter();
  const { run: runAction, error, pending } = useAction();
  const mayControl = useCan("operator");

  async function run(action: AnyAction, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    const r = await runAction(() => action({ jobId: s.jobId }));
    if (!r.ok) return;
    const next = (r.data as { jobId?: number } | undefined)?.jobId;
    if (next) router.push(`/jobs/${next}`);
    else router.refresh();
  }

  const button = (action: AnyAction, label: string, className = "btn-primary") => (
    <button type="button" className={className} disabled={pending} onClick={() => run(action)}>
      {label}
    </button>
  );

  if (!mayControl) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {s.canStart && button(startImportAction, s.startLabel)}
        {s.canRunForReal && button(runForRealAction, "Run this import for real")}
        {s.canResume && button(resumeImportAction, "Resume")}
        {s.rerunLabel && button(rerunFailedRowsAction, s.rerunLabel)}
        {s.canCancel && button(cancelImportAction, s.cancelLabel, "btn-secondary")}
        {s.canPurge && (
          <button
            type="button"
            className="btn-secondary"
            disabled={pending}
            onClick={() => run(purgePasswordsAction, "Erase this job's passwords for good? Download the report first if you still need them.")}
          >
            Purge passwords
          </button>
        )}
      </div>
      <OutcomeLine error={error} />
    </div>
  );
}
