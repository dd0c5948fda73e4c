"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter, usePathname, useSearchParams } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { roomDeleteSchema, type RoomDeleteInput } from "@/lib/schemas/rooms";
import type { z } from "zod";
import { deleteRoomsAction } from "../actions";

type Props = {
  roomIds: string[];
  /** What the rooms are called in the dialog's title ("!abc:example.org", "3 rooms"). */
  what: string;
  buttonLabel: string;
  disabled?: boolean;
  /** Where to follow progress: this page (the list), or the list when the current room goes away. */
  followOn: "here" | "list";
};

/** The delete dialog: every option of Synapse's room delete spelled out, then a queued job per room. */
export function DeleteRoomsDialog({ roomIds, what, buttonLabel, disabled, followOn }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RoomDeleteInput, unknown, z.output<typeof roomDeleteSchema>>({
    resolver: zodResolver(roomDeleteSchema),
    defaultValues: { roomIds, block: false, purge: true, forcePurge: false, moveMembers: false, newRoomUserId: "", newRoomName: "", message: "" },
  });
  const { register, handleSubmit, watch, setError, setValue, formState } = form;
  const idsKey = roomIds.join("\n");
  useEffect(() => setValue("roomIds", idsKey.split("\n").filter(Boolean)), [idsKey, setValue]);
  const { errors, isSubmitting } = formState;
  const purge = watch("purge");
  const moveMembers = watch("moveMembers");
  const many = roomIds.length > 1;

  async function onSubmit(values: z.output<typeof roomDeleteSchema>) {
    setFormError(null);
    const r = await deleteRoomsAction(values);
    if (!r.ok) {
      const fields = r.error.fieldErrors ?? {};
      for (const [k, message] of Object.entries(fields)) setError(k as keyof RoomDeleteInput, { message });
      if (Object.keys(fields).length === 0 || fields.roomIds) setFormError(r.error.message);
      return;
    }
    if ("fieldErrors" in r.data) {
      for (const [k, message] of Object.entries(r.data.fieldErrors)) setError(k as keyof RoomDeleteInput, { message });
      return;
    }
    dialog.current?.close();
    const params = new URLSearchParams(followOn === "here" ? search.toString() : "");
    params.set("jobs", r.data.recordIds.join(","));
    router.push(`${followOn === "here" ? pathname : "/rooms"}?${params}`);
  }

  return (
    <>
      <button type="button" className="btn-secondary text-danger" disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {buttonLabel}
      </button>
      <dialog ref={dialog} aria-labelledby="delete-rooms-title" className="m-auto w-full max-w-2xl rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40">
        <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4 p-5" aria-label="Delete rooms">
          <h2 id="delete-rooms-title" className="text-lg font-semibold">
            Delete {what}
          </h2>
          <p className="text-sm text-muted">
            Every local member is removed from {many ? "each room" : "the room"}. This cannot be undone. Synapse runs the delete in the background;
            this page shows its progress, and it completes even if you close the page.
          </p>
          {many && (
            <details className="text-sm">
              <summary>The {roomIds.length} rooms</summary>
              <ul className="font-mono text-xs">
                {roomIds.map((id) => (
                  <li key={id}>{id}</li>
                ))}
              </ul>
            </details>
          )}

          <Option id="del-block" label="Block the room" help="Nobody on this server can join it or be invited to it again, even after it is deleted. You can unblock it later." {...register("block")} />
          <Option
            id="del-purge"
            label="Purge the room from the database"
            help="Removes the room's events, state and media references from this server's database. Without it the room is only shut down: members are removed but its history stays stored."
            {...register("purge")}
          />
          <Option
            id="del-force"
            label="Force purge"
            help="Purge even if some local members could not be removed (for example a user Synapse failed to kick). Only with purge."
            disabled={!purge}
            error={errors.forcePurge?.message}
            {...register("forcePurge")}
          />
          <Option
            id="del-move"
            label="Move local members to a new room"
            help="A local user you name creates a new room; the evicted local members are joined to it and your message is posted there. The room's local aliases move to the new room."
            {...register("moveMembers")}
          />
          {moveMembers && (
            <fieldset className="ml-6 flex flex-col gap-3">
              <legend className="sr-only">New room</legend>
              <Field id="del-user" label="Creator of the new room (a local user ID)" error={errors.newRoomUserId?.message}>
                <input id="del-user" className="field w-full" placeholder="@moderator:example.org" aria-invalid={errors.newRoomUserId ? true : undefined} {...register("newRoomUserId")} />
              </Field>
              <Field id="del-name" label="Name of the new room" error={errors.newRoomName?.message}>
                <input id="del-name" className="field w-full" placeholder="Content Violation Notification (Synapse's default)" {...register("newRoomName")} />
              </Field>
              <Field id="del-message" label="Message posted in the new room" error={errors.message?.message}>
                <textarea
                  id="del-message"
                  rows={3}
                  className="field w-full"
                  placeholder="Sharing illegal content on this server is not permitted and rooms in violation will be blocked. (Synapse's default)"
                  {...register("message")}
                />
              </Field>
            </fieldset>
          )}

          <div role="alert" aria-live="assertive" className="text-sm text-danger">
            {formError ?? errors.roomIds?.message}
          </div>
          <div className="flex gap-3">
            <button type="submit" className="btn-danger" disabled={isSubmitting}>
              {isSubmitting ? "Deleting…" : many ? `Delete ${roomIds.length} rooms` : "Delete room"}
            </button>
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

type OptionProps = React.InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; help: string; error?: string };

function Option({ id, label, help, error, ...input }: OptionProps) {
  return (
    <div className="flex gap-3">
      <input id={id} type="checkbox" className="mt-1" aria-describedby={`${id}-help`} {...input} />
      <div className="flex flex-col">
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <span id={`${id}-help`} className="text-sm text-muted">
          {help}
        </span>
        {error && <span className="text-sm text-danger">{error}</span>}
      </div>
    </div>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
