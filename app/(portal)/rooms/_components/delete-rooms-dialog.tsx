"use client";
import { useEffect, useState } from "react";
import { useRouter, usePathname, useSearchParams } from "next/navigation";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
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
  /** What the rooms are called in the dialog's title ("!abc:example.org", "“Lobby”"); several rooms are counted. */
  what?: string;
  buttonLabel: string;
  disabled?: boolean;
  /** Where to follow progress: this page (the list), or the list when the current room goes away. */
  followOn: "here" | "list";
};

/** The delete dialog: every option of Synapse's room delete spelled out, then one job for the rooms. */
export function DeleteRoomsDialog({ roomIds, what, buttonLabel, disabled, followOn }: Props) {
  const t = useTranslations("room.delete");
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
      <Dialog title={many || !what ? t("titleMany", { count: roomIds.length }) : t("title", { what })} open={open} onClose={() => setOpen(false)} wide>
        <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4" aria-label={t("formLabel")}>
          <p className="text-sm text-muted">{t("intro", { count: roomIds.length })}</p>
          {many && (
            <details className="text-sm">
              <summary>{t("theRooms", { count: roomIds.length })}</summary>
              <ul className="font-mono text-xs">
                {roomIds.map((id) => (
                  <li key={id}>{id}</li>
                ))}
              </ul>
            </details>
          )}

          <Option id="del-block" label={t("block.label")} help={t("block.help")} {...register("block")} />
          <Option
            id="del-purge"
            label={t("purge.label")}
            help={t("purge.help")}
            {...register("purge")}
          />
          <Option
            id="del-force"
            label={t("force.label")}
            help={t("force.help")}
            disabled={!purge}
            error={errors.forcePurge?.message}
            {...register("forcePurge")}
          />
          <Option
            id="del-move"
            label={t("move.label")}
            help={t("move.help")}
            {...register("moveMembers")}
          />
          {moveMembers && (
            <fieldset className="ml-6 flex flex-col gap-3">
              <legend className="sr-only">{t("move.legend")}</legend>
              <TextField id="del-user" label={t("move.creator")} className="field w-full" placeholder="@moderator:example.org" error={errors.newRoomUserId?.message} {...register("newRoomUserId")} />
              <TextField id="del-name" label={t("move.name")} className="field w-full" placeholder={t("move.namePlaceholder")} error={errors.newRoomName?.message} {...register("newRoomName")} />
              <div className="flex flex-col gap-1">
                <label htmlFor="del-message" className="text-sm font-medium">
                  {t("move.message")}
                </label>
                <textarea
                  id="del-message"
                  rows={3}
                  className="field w-full"
                  placeholder={t("move.messagePlaceholder")}
                  aria-describedby={errors.message ? "del-message-error" : undefined}
                  {...register("message")}
                />
                <FieldError id="del-message-error" message={errors.message?.message} />
              </div>
            </fieldset>
          )}

          <OutcomeLine error={formError ?? errors.roomIds?.message} />
          <DialogActions submit danger onCancel={() => setOpen(false)} label={t("confirm", { count: roomIds.length })} pending={isSubmitting} pendingLabel={t("pending")} />
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
