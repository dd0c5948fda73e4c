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
import { useTranslations } from "next-intl";

/** Drops cached copies of other servers' media that nobody opened since the date (the body of its DialogButton). */
export function PurgeRemoteFlow() {
  const onClose = useCloseDialog();
  const t = useTranslations("media.purgeDialog");
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
          {t("close")}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4" aria-label={t("label")}>
      <p className="text-sm text-muted">
        {t("intro")}
      </p>
      <TextField id="remoteBefore" label={t("lastAccessBefore")} type="datetime-local" step={1} error={errors.lastAccessBefore?.message} {...register("lastAccessBefore")} />
      <OutcomeLine error={formError} />
      <DialogActions submit onCancel={onClose} label={t("purge")} pending={isSubmitting} />
    </form>
  );
}
