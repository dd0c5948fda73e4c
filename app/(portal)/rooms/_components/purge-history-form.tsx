"use client";
import { useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { purgeHistorySchema, type PurgeHistoryInput } from "@/lib/schemas/rooms";
import { purgeHistoryAction } from "../actions";
import { TextField } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { showActionError } from "@/app/(portal)/_components/form-errors";

/** Purge a room's history before a date (UTC) or an event; the job's progress shows on this page. */
export function PurgeHistoryForm({ roomId }: { roomId: string }) {
  const t = useTranslations("room.purge");
  const router = useRouter();
  const pathname = usePathname();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, watch, setError, formState } = useForm<PurgeHistoryInput, unknown, z.output<typeof purgeHistorySchema>>({
    resolver: zodResolver(purgeHistorySchema),
    defaultValues: { roomId, mode: "date", before: "", eventId: "", deleteLocalEvents: false },
  });
  const { errors, isSubmitting } = formState;
  const mode = watch("mode");

  async function onSubmit(values: z.output<typeof purgeHistorySchema>) {
    setFormError(null);
    const r = await purgeHistoryAction(values);
    if (!r.ok) return showActionError(r.error, setError, setFormError);
    router.push(`${pathname}?jobs=${r.data.jobId}`);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t("title")} className="flex flex-col gap-3">
      <div className="text-sm text-muted flex flex-col gap-1">
        <p>{t("intro")}</p>
      </div>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t("cutOff")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" value="date" {...register("mode")} /> {t("beforeDate")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="event" {...register("mode")} /> {t("beforeEvent")}
        </label>
      </fieldset>
      {mode === "date" ? (
        <TextField id="purge-before" label={t("before")} type="datetime-local" step={1} className="field w-64" error={errors.before?.message} {...register("before")} />
      ) : (
        <TextField id="purge-event" label={t("eventId")} className="field w-full max-w-xl font-mono" placeholder="$abc123…" error={errors.eventId?.message} {...register("eventId")} />
      )}
      <div className="flex gap-3">
        <input id="purge-local" type="checkbox" className="mt-1" aria-describedby="purge-local-help" {...register("deleteLocalEvents")} />
        <div className="flex flex-col">
          <label htmlFor="purge-local" className="font-medium">
            {t("local.label")}
          </label>
          <span id="purge-local-help" className="text-sm text-muted">
            {t("local.help")}
          </span>
        </div>
      </div>
      <OutcomeLine error={formError ?? errors.roomId?.message} />
      <div>
        <button type="submit" className="btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t("pending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
