"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { DAY_MS, localDateTimeToMs, msToLocalDateTime, purgeRemoteFormSchema, type PurgeRemoteForm } from "@/lib/schemas/media";
import { startRemotePurgeAction } from "../actions";
import { DialogActions, useCloseDialog } from "@/app/(portal)/_components/dialog";
import { PurgeProgress } from "@/app/(portal)/_components/purge-progress";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import type { JobView } from "@/lib/jobs/jobs";
import { TextField } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";

/** Drops cached copies of other servers' media that nobody opened since the date (the body of its DialogButton). */
export function PurgeRemoteFlow() {
  const onClose = useCloseDialog();
  const [job, setJob] = useState<JobView | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<PurgeRemoteForm>({
    resolver: zodResolver(purgeRemoteFormSchema),
    defaultValues: { lastAccessBefore: msToLocalDateTime(Date.now() - 30 * DAY_MS) },
  });
  const { errors, isSubmitting } = formState;

  async function onSubmit(v: PurgeRemoteForm) {
    setFormError(null);
    const r = await startRemotePurgeAction({ beforeTs: localDateTimeToMs(v.lastAccessBefore) });
    if (!r.ok) return setFormError(r.error.message);
    setJob(r.data.job);
  }

  if (job !== null) {
    return (
      <div className="flex flex-col gap-4">
        <PurgeProgress initial={job} unit="purged" cancel={cancelJobAction} resume={resumeJobAction} />
        <button type="button" className="btn-secondary self-end" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4" aria-label="Purge remote media cache">
      <p className="text-sm text-muted">
        Removes this server&apos;s cached copies of media from other servers that nobody opened since the date. Nothing is lost for good: when
        someone opens such a file again, the server fetches it again from its home server (if that server still has it).
      </p>
      <TextField id="remoteBefore" label="Last access before" type="datetime-local" step={1} error={errors.lastAccessBefore?.message} {...register("lastAccessBefore")} />
      <OutcomeLine error={formError} />
      <DialogActions submit onCancel={onClose} label="Purge" pending={isSubmitting} />
    </form>
  );
}
