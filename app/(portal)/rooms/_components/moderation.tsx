"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { roomUserSchema } from "@/lib/schemas/rooms";
import { clearExtremitiesAction, forceJoinRoomAction, makeRoomAdminAction, setRoomBlockAction, setRoomPublishedAction } from "../actions";
import { ActionButton, ConfirmActionButton } from "@/app/(portal)/_components/action-button";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { FieldError } from "@/app/(portal)/_components/text-field";
import { useAction } from "@/app/(portal)/_components/use-action";

export function BlockToggle({ roomId, blocked }: { roomId: string; blocked: boolean }) {
  const t = useTranslations("room.moderation.block");
  const k = blocked ? "blocked" : "open";
  return (
    <ConfirmActionButton
      state={<span data-testid="block-state">{t(`state.${k}`)}</span>}
      label={t(`label.${k}`)}
      confirmLabel={t(`confirm.${k}`)}
      question={t(`question.${k}`)}
      action={() => setRoomBlockAction({ roomId, block: !blocked })}
      done={(d) => (d.blocked ? t("doneBlocked") : t("doneUnblocked"))}
    />
  );
}

export function PublishToggle({ roomId, published }: { roomId: string; published: boolean }) {
  const t = useTranslations("room.moderation.directory");
  const k = published ? "published" : "unlisted";
  return (
    <ActionButton
      state={<span data-testid="directory-state">{t(`state.${k}`)}</span>}
      label={t(`label.${k}`)}
      className="btn-secondary py-1"
      action={() => setRoomPublishedAction({ roomId, publish: !published })}
      done={(d) => (d.published ? t("donePublished") : t("doneRemoved"))}
    />
  );
}

/** Make-room-admin and force-join share a shape: a user ID for this room. */
export function RoomUserForm({ room, kind }: { room: string; kind: "make-admin" | "force-join" }) {
  const t = useTranslations("room.moderation");
  const { pending, outcome, run } = useAction();
  const [userId, setUserId] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const id = `room-user-${kind}`;
  const text =
    kind === "make-admin"
      ? { label: t("makeAdmin.label"), help: t("makeAdmin.help"), button: t("makeAdmin.button") }
      : { label: t("forceJoin.label"), help: t("forceJoin.help"), button: t("forceJoin.button") };
  return (
    <form
      noValidate
      aria-label={text.label}
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = roomUserSchema.safeParse({ room, userId });
        setFieldError(parsed.success ? null : parsed.error.issues[0].message);
        if (!parsed.success) return;
        const input = { room, userId: parsed.data.userId };
        if (kind === "make-admin") run(() => makeRoomAdminAction(input), () => t("makeAdmin.done", { userId: input.userId }));
        else run(() => forceJoinRoomAction(input), () => t("forceJoin.done", { userId: input.userId }));
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        {text.label}
      </label>
      <p className="text-xs text-muted">{text.help}</p>
      <div className="flex flex-wrap gap-2">
        <input id={id} className="field min-w-64 flex-1" placeholder="@alice:example.org" value={userId} onChange={(e) => setUserId(e.target.value)} aria-invalid={fieldError ? true : undefined} aria-describedby={fieldError ? `${id}-error` : undefined} />
        <button type="submit" className="btn-secondary py-1" disabled={pending}>
          {text.button}
        </button>
      </div>
      <FieldError id={`${id}-error`} message={fieldError} />
      <OutcomeLine outcome={outcome} />
    </form>
  );
}

export function ClearExtremitiesButton({ roomId }: { roomId: string }) {
  const t = useTranslations("room.extremities.clear");
  return (
    <ConfirmActionButton
      label={t("label")}
      confirmLabel={t("confirm")}
      question={t("question")}
      action={() => clearExtremitiesAction({ roomId })}
      done={(d) => t("done", { count: d.deleted })}
    />
  );
}
