"use client";
import { useEffect, useState } from "react";
import { useRouter, usePathname, useSearchParams } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { roomDeleteSchema, type RoomDeleteInput } from "@/lib/schemas/rooms";
import type { z } from "zod";
import { deleteRoomsAction } from "../actions";
import { Dialog, DialogActions } from "@/app/(portal)/_components/dialog";
import { FieldError, TextField } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { showFieldErrors } from "@/app/(portal)/_components/form-errors";

type Props = {
  roomIds: string[];
  /** What the rooms are called in the dialog's title ("!abc:example.org", "3 rooms"). */
  what: string;
  buttonLabel: string;
  disabled?: boolean;
  /** Where to follow progress: this page (the list), or the list when the current room goes away. */
  followOn: "here" | "list";
};

/** The delete dialog: every option of Synapse's room delete spelled out, then one job for the rooms. */
export function DeleteRoomsDialog({ roomIds, what, buttonLabel, disabled, followOn }: Props) {
  const [open, setOpen] = useState(false);
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
      const fields = showFieldErrors(r.error, setError);
      if (Object.keys(fields).length === 0 || fields.roomIds) setFormError(r.error.message);
      return;
    }
    if ("fieldErrors" in r.data) {
      showFieldErrors(r.data, setError);
      return;
    }
    setOpen(false);
    const params = new URLSearchParams(followOn === "here" ? search.toString() : "");
    params.set("jobs", String(r.data.jobId));
    router.push(`${followOn === "here" ? pathname : "/rooms"}?${params}`);
  }

  return (
    <>
      <button type="button" aria-haspopup="dialog" className="btn-secondary text-danger" disabled={disabled} onClick={() => setOpen(true)}>
        {buttonLabel}
      </button>
      <Dialog title={`Delete ${what}`} open={open} onClose={() => setOpen(false)} wide>
        <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4" aria-label="Delete rooms">
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
              <TextField id="del-user" label="Creator of the new room (a local user ID)" className="field w-full" placeholder="@moderator:example.org" error={errors.newRoomUserId?.message} {...register("newRoomUserId")} />
              <TextField id="del-name" label="Name of the new room" className="field w-full" placeholder="Content Violation Notification (Synapse's default)" error={errors.newRoomName?.message} {...register("newRoomName")} />
              <div className="flex flex-col gap-1">
                <label htmlFor="del-message" className="text-sm font-medium">
                  Message posted in the new room
                </label>
                <textarea
                  id="del-message"
                  rows={3}
                  className="field w-full"
                  placeholder="Sharing illegal content on this server is not permitted and rooms in violation will be blocked. (Synapse's default)"
                  aria-describedby={errors.message ? "del-message-error" : undefined}
                  {...register("message")}
                />
                <FieldError id="del-message-error" message={errors.message?.message} />
              </div>
            </fieldset>
          )}

          <OutcomeLine error={formError ?? errors.roomIds?.message} />
          <DialogActions submit danger onCancel={() => setOpen(false)} label={many ? `Delete ${roomIds.length} rooms` : "Delete room"} pending={isSubmitting} pendingLabel="Deleting…" />
        </form>
      </Dialog>
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
        <FieldError message={error} />
      </div>
    </div>
  );
}
