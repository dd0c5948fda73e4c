"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { DAY_MS, localDateTimeToMs, msToLocalDateTime, purgeRemoteFormSchema, type PurgeRemoteForm } from "@/lib/schemas/media";
import { startRemotePurgeAction } from "../actions";
import { ModalButton } from "@/app/(portal)/_components/modal";
import { PurgeProgress } from "@/app/(portal)/_components/purge-progress";
import { DateTimeField } from "@/app/(portal)/_components/field-error";
import { Notice } from "@/app/(portal)/_components/notice";

/** Drops cached copies of other servers' media that nobody opened since the date. */
export function PurgeRemoteDialog() {
  return (
    <ModalButton label="Purge remote media cache…" title="Purge remote media cache">
      {(close) => <PurgeRemoteFlow onClose={close} />}
    </ModalButton>
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
        <PurgeProgress purgeId={purgeId} unit="purged" />
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
      <DateTimeField id="remoteBefore" label="Last access before" field={register("lastAccessBefore")} error={errors.lastAccessBefore?.message} />
      <Notice message={formError ? { ok: false, text: formError } : null} />
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
