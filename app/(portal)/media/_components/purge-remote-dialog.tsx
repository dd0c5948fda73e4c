"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { DAY_MS, localDateTimeToMs, msToLocalDateTime, purgeRemoteFormSchema, type PurgeRemoteForm } from "@/lib/schemas/media";
import { startRemotePurgeAction } from "../actions";
import { Modal } from "./modal";
import { JobProgress } from "./job-progress";
import { FieldError } from "./field-error";

/** Drops cached copies of other servers' media that nobody opened since the date. */
export function PurgeRemoteDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        Purge remote media cache…
      </button>
      <Modal title="Purge remote media cache" open={open} onClose={() => setOpen(false)}>
        <PurgeRemoteFlow onClose={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function PurgeRemoteFlow({ onClose }: { onClose: () => void }) {
  const [purgeId, setPurgeId] = useState<number | null>(null);
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
    setPurgeId(r.data.purgeId);
  }

  if (purgeId !== null) {
    return (
      <div className="flex flex-col gap-4">
        <JobProgress purgeId={purgeId} unit="purged" />
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
      <div className="flex flex-col gap-1">
        <label htmlFor="remoteBefore" className="text-sm font-medium">
          Last access before
        </label>
        <input
          id="remoteBefore"
          type="datetime-local"
          step={1}
          className="field"
          aria-invalid={errors.lastAccessBefore ? true : undefined}
          aria-describedby={errors.lastAccessBefore ? "remoteBefore-error" : undefined}
          {...register("lastAccessBefore")}
        />
        <FieldError id="remoteBefore-error" message={errors.lastAccessBefore?.message} />
      </div>
      {formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {formError}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn-primary" disabled={isSubmitting}>
          Purge
        </button>
      </div>
    </form>
  );
}
