"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { formatBytes, formatCount } from "@/lib/format";
import {
  DAY_MS,
  deleteFormToFilters,
  deleteMediaFormSchema,
  msToLocalDateTime,
  SIZE_UNITS,
  type DeleteMediaForm,
  type MediaDeletionFilters,
} from "@/lib/schemas/media";
import type { DeletionPreview } from "@/lib/synapse/media-preview";
import { previewMediaDeletionAction, startMediaDeletionAction } from "../actions";
import { DialogActions, useCloseDialog } from "@/app/(portal)/_components/dialog";
import { PurgeProgress } from "@/app/(portal)/_components/purge-progress";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import type { JobView } from "@/lib/jobs/jobs";
import { FieldError, TextField } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";

type Step =
  | { kind: "form" }
  | { kind: "preview"; filters: MediaDeletionFilters; preview: DeletionPreview; words: string }
  | { kind: "running"; job: JobView };

/** "Delete media" (the body of its DialogButton): filters → a preview computed by the portal → confirmation → the deletion job. */
export function DeleteMediaFlow() {
  const onCancel = useCloseDialog();
  const [step, setStep] = useState<Step>({ kind: "form" });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<DeleteMediaForm>({
    resolver: zodResolver(deleteMediaFormSchema),
    defaultValues: { lastAccessBefore: msToLocalDateTime(Date.now() - 90 * DAY_MS), sizeValue: "", sizeUnit: "MB", keepProfiles: true },
  });
  const { register, handleSubmit, formState } = form;
  const { errors, isSubmitting } = formState;

  async function onPreview(values: DeleteMediaForm) {
    setFormError(null);
    const filters = deleteFormToFilters(values);
    const r = await previewMediaDeletionAction(filters);
    if (!r.ok) return setFormError(r.error.message);
    setStep({ kind: "preview", filters, ...r.data });
  }

  async function onConfirm(filters: MediaDeletionFilters) {
    setBusy(true);
    setFormError(null);
    const r = await startMediaDeletionAction(filters);
    setBusy(false);
    if (!r.ok) return setFormError(r.error.message);
    setStep({ kind: "running", job: r.data.job });
  }

  if (step.kind === "running") {
    return (
      <div className="flex flex-col gap-4">
        <PurgeProgress initial={step.job} cancel={cancelJobAction} resume={resumeJobAction} />
        <button type="button" className="btn-secondary self-end" onClick={onCancel}>
          Close
        </button>
      </div>
    );
  }

  if (step.kind === "preview") {
    const { preview, words, filters } = step;
    const partial = preview.partial.length > 0;
    return (
      <div className="flex flex-col gap-4" aria-label="Preview">
        <p className="text-sm text-muted">{words}</p>
        <p className="text-lg" data-testid="preview-summary">
          {partial ? "At least " : ""}
          <strong data-testid="preview-files">{formatCount(preview.files)}</strong> local {preview.files === 1 ? "file" : "files"},{" "}
          <strong data-testid="preview-bytes" data-raw={preview.bytes}>
            {formatBytes(preview.bytes)}
          </strong>
          , would be deleted.
        </p>
        {(preview.keptAsAvatar > 0 || preview.keptProtected > 0 || preview.keptQuarantined > 0) && (
          <p className="text-sm">
            Kept although old enough: {formatCount(preview.keptAsAvatar)} used as avatars, {formatCount(preview.keptProtected)} protected,{" "}
            {formatCount(preview.keptQuarantined)} quarantined.
          </p>
        )}
        {partial && (
          <div role="alert" className="rounded-md border border-amber-400 p-3 text-sm">
            <p className="font-medium">This estimate is partial:</p>
            <ul className="list-disc pl-5">
              {preview.partial.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {preview.caveats.map((c) => (
          <p key={c} className="text-xs text-muted">
            {c}
          </p>
        ))}
        <p className="text-xs text-muted">
          Counted from the media lists of {formatCount(preview.usersRead)} users ({formatCount(preview.requests)} requests, {(preview.elapsedMs / 1000).toFixed(1)} s). Deletion cannot
          be undone.
        </p>
        <OutcomeLine error={formError} />
        <DialogActions
          cancelLabel="Back"
          onCancel={() => setStep({ kind: "form" })}
          onConfirm={() => onConfirm(filters)}
          pending={busy}
          danger
          label={partial || preview.files === 0 ? "Delete matching files" : `Delete ${formatCount(preview.files)} ${preview.files === 1 ? "file" : "files"}`}
        />
      </div>
    );
  }

  return (
    <form onSubmit={handleSubmit(onPreview)} noValidate className="flex flex-col gap-4" aria-label="Delete media filters">
      <p className="text-sm text-muted">
        Deletes local files that nobody has opened since the date (or, if never opened, uploaded before it), on the whole server. You will see
        what matches before anything is deleted.
      </p>
      <TextField id="lastAccessBefore" label="Last access before" type="datetime-local" step={1} error={errors.lastAccessBefore?.message} {...register("lastAccessBefore")} />
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium" id="size-label">
          Larger than (optional)
        </span>
        <div className="flex gap-2" role="group" aria-labelledby="size-label">
          <input
            id="sizeValue"
            type="text"
            inputMode="decimal"
            placeholder="any size"
            className="field w-32"
            aria-label="Size"
            aria-invalid={errors.sizeValue ? true : undefined}
            aria-describedby={errors.sizeValue ? "sizeValue-error" : undefined}
            {...register("sizeValue")}
          />
          <select className="field" aria-label="Unit" aria-invalid={errors.sizeUnit ? true : undefined} {...register("sizeUnit")}>
            {Object.keys(SIZE_UNITS).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
        <FieldError id="sizeValue-error" message={errors.sizeValue?.message ?? errors.sizeUnit?.message} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register("keepProfiles")} />
        Keep profile media (files used as user or room avatars)
      </label>
      <OutcomeLine error={formError} />
      <DialogActions submit onCancel={onCancel} label="Preview" pending={isSubmitting} pendingLabel="Counting…" />
    </form>
  );
}
