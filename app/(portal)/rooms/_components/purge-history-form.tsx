"use client";
import { useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { purgeHistorySchema, type PurgeHistoryInput } from "@/lib/schemas/rooms";
import { purgeHistoryAction } from "../actions";
import { TextField } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { showActionError } from "@/app/(portal)/_components/form-errors";

/** Purge a room's history before a date (UTC) or an event; the job's progress shows on this page. */
export function PurgeHistoryForm({ roomId }: { roomId: string }) {
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
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="Purge chat history" className="flex flex-col gap-3">
      <div className="text-sm text-muted flex flex-col gap-1">
        <p>
          Removes this server&apos;s copy of the room&apos;s events sent before the cut-off. Afterwards, people on this server no longer see those
          messages when they scroll back; the room itself, its members, name and settings stay, and the newest event is always kept. Messages
          already downloaded by someone&apos;s app may stay visible there, and other servers in the room keep their own copies.
        </p>
      </div>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Cut-off</legend>
        <label className="flex items-center gap-2">
          <input type="radio" value="date" {...register("mode")} /> Before a date
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="event" {...register("mode")} /> Before an event
        </label>
      </fieldset>
      {mode === "date" ? (
        <TextField id="purge-before" label="Delete events sent before (UTC)" type="datetime-local" step={1} className="field w-64" error={errors.before?.message} {...register("before")} />
      ) : (
        <TextField id="purge-event" label="Delete events before this event ID" className="field w-full max-w-xl font-mono" placeholder="$abc123…" error={errors.eventId?.message} {...register("eventId")} />
      )}
      <div className="flex gap-3">
        <input id="purge-local" type="checkbox" className="mt-1" aria-describedby="purge-local-help" {...register("deleteLocalEvents")} />
        <div className="flex flex-col">
          <label htmlFor="purge-local" className="font-medium">
            Also delete local users&apos; events
          </label>
          <span id="purge-local-help" className="text-sm text-muted">
            Off (the default): messages sent by this server&apos;s own users also vanish from the timeline, but Synapse keeps them in its database
            (they can still be fetched by event ID), because this server is their only authoritative copy. On: they are deleted for good.
          </span>
        </div>
      </div>
      <OutcomeLine error={formError ?? errors.roomId?.message} />
      <div>
        <button type="submit" className="btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Starting…" : "Purge history"}
        </button>
      </div>
    </form>
  );
}
