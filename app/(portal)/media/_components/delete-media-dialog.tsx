"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useFormat, useMessage } from "@/lib/i18n/hooks";
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
  | { kind: "preview"; filters: MediaDeletionFilters; preview: DeletionPreview }
  | { kind: "running"; job: JobView };

/** "Delete media" (the body of its DialogButton): filters → a preview computed by the portal → confirmation → the deletion job. */
export function DeleteMediaFlow() {
  const onCancel = useCloseDialog();
  const t = useTranslations("media.deleteDialog");
  const fmt = useFormat();
  const render = useMessage();
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
    setStep({ kind: "preview", filters, preview: r.data.preview });
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
          {t("close")}
        </button>
      </div>
    );
  }

  if (step.kind === "preview") {
    const { preview, filters } = step;
    const words = t("words", {
      before: fmt.dateTime(new Date(filters.beforeTs)),
      size: filters.sizeGt > 0 ? t("largerThan", { size: fmt.bytes(filters.sizeGt), bytes: filters.sizeGt }) : t("anySize"),
      profiles: t(filters.keepProfiles ? "keepingProfiles" : "includingProfiles"),
    });
    const partial = preview.partial.length > 0;
    return (
      <div className="flex flex-col gap-4" aria-label={t("preview")}>
        <p className="text-sm text-muted">{words}</p>
        <p className="text-lg" data-testid="preview-summary">
          {t.rich(partial ? "summaryPartial" : "summary", {
            count: preview.files,
            size: fmt.bytes(preview.bytes),
            files: (c) => <strong data-testid="preview-files">{c}</strong>,
            bytes: (c) => (
              <strong data-testid="preview-bytes" data-raw={preview.bytes}>
                {c}
              </strong>
            ),
          })}
        </p>
        {(preview.keptAsAvatar > 0 || preview.keptProtected > 0 || preview.keptQuarantined > 0) && (
          <p className="text-sm">
            {t("kept", { avatars: preview.keptAsAvatar, protected: preview.keptProtected, quarantined: preview.keptQuarantined })}
          </p>
        )}
        {partial && (
          <div role="alert" className="rounded-md border border-amber-400 p-3 text-sm">
            <p className="font-medium">{t("partial")}</p>
            <ul className="list-disc pl-5">
              {preview.partial.map((p) => (
                <li key={p}>{render(p)}</li>
              ))}
            </ul>
          </div>
        )}
        {preview.caveats.map((c) => (
          <p key={c} className="text-xs text-muted">
            {render(c)}
          </p>
        ))}
        <p className="text-xs text-muted">
          {t("counted", { users: preview.usersRead, requests: preview.requests, seconds: preview.elapsedMs / 1000 })}
        </p>
        <OutcomeLine error={formError} />
        <DialogActions
          cancelLabel={t("back")}
          onCancel={() => setStep({ kind: "form" })}
          onConfirm={() => onConfirm(filters)}
          pending={busy}
          danger
          label={partial || preview.files === 0 ? t("deleteMatching") : t("deleteCount", { count: preview.files })}
        />
      </div>
    );
  }

  return (
    <form onSubmit={handleSubmit(onPreview)} noValidate className="flex flex-col gap-4" aria-label={t("filters")}>
      <p className="text-sm text-muted">
        {t("intro")}
      </p>
      <TextField id="lastAccessBefore" label={t("lastAccessBefore")} type="datetime-local" step={1} error={errors.lastAccessBefore?.message} {...register("lastAccessBefore")} />
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium" id="size-label">
          {t("largerThanLabel")}
        </span>
        <div className="flex gap-2" role="group" aria-labelledby="size-label">
          <input
            id="sizeValue"
            type="text"
            inputMode="decimal"
            placeholder={t("anySizePlaceholder")}
            className="field w-32"
            aria-label={t("size")}
            aria-invalid={errors.sizeValue ? true : undefined}
            aria-describedby={errors.sizeValue ? "sizeValue-error" : undefined}
            {...register("sizeValue")}
          />
          <select className="field" aria-label={t("unit")} aria-invalid={errors.sizeUnit ? true : undefined} {...register("sizeUnit")}>
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
        {t("keepProfiles")}
      </label>
      <OutcomeLine error={formError} />
      <DialogActions submit onCancel={onCancel} label={t("preview")} pending={isSubmitting} pendingLabel={t("counting")} />
    </form>
  );
}
