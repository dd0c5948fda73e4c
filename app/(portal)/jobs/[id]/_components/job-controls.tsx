"use client";
import { useCan } from "@/app/(portal)/_components/role";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("jobs.import");

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
        {s.canRunForReal && button(runForRealAction, t("runForReal"))}
        {s.canResume && button(resumeImportAction, t("resume"))}
        {s.rerunLabel && button(rerunFailedRowsAction, s.rerunLabel)}
        {s.canCancel && button(cancelImportAction, s.cancelLabel, "btn-secondary")}
        {s.canPurge && (
          <button
            type="button"
            className="btn-secondary"
            disabled={pending}
            onClick={() => run(purgePasswordsAction, t("purgeConfirm"))}
          >
            {t("purge")}
          </button>
        )}
      </div>
      <OutcomeLine error={error} />
    </div>
  );
}
