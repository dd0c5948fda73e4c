"use client";
import { useState } from "react";
import { roomUserSchema } from "@/lib/schemas/rooms";
import { clearExtremitiesAction, forceJoinRoomAction, makeRoomAdminAction, setRoomBlockAction, setRoomPublishedAction } from "../actions";
import { ActionButton, ConfirmActionButton } from "@/app/(portal)/_components/action-button";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { FieldError } from "@/app/(portal)/_components/text-field";
import { useAction } from "@/app/(portal)/_components/use-action";

export function BlockToggle({ roomId, blocked }: { roomId: string; blocked: boolean }) {
  return (
    <ConfirmActionButton
      state={<span data-testid="block-state">{blocked ? "Blocked: nobody on this server can join." : "Not blocked."}</span>}
      label={blocked ? "Unblock" : "Block"}
      confirmLabel={blocked ? "Unblock room" : "Block room"}
      question={blocked ? "Allow joins again?" : "Stop everyone on this server from joining?"}
      action={() => setRoomBlockAction({ roomId, block: !blocked })}
      done={(d) => (d.blocked ? "The room is blocked." : "The room is unblocked.")}
    />
  );
}

export function PublishToggle({ roomId, published }: { roomId: string; published: boolean }) {
  return (
    <ActionButton
      state={<span data-testid="directory-state">{published ? "Published in the room directory." : "Not in the room directory."}</span>}
      label={published ? "Remove from directory" : "Publish in directory"}
      className="btn-secondary py-1"
      action={() => setRoomPublishedAction({ roomId, publish: !published })}
      done={(d) => (d.published ? "The room is now in the directory." : "The room was removed from the directory.")}
    />
  );
}

/** Make-room-admin and force-join share a shape: a user ID for this room. */
export function RoomUserForm({ room, kind }: { room: string; kind: "make-admin" | "force-join" }) {
  const { pending, outcome, run } = useAction();
  const [userId, setUserId] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const id = `room-user-${kind}`;
  const text =
    kind === "make-admin"
      ? {
          label: "Make a user room admin",
          help: "Gives the user power level 100. Synapse sends the change as the room's most powerful local member, so a local member must be able to; in an invite-only room the user is invited, not joined.",
          button: "Make room admin",
        }
      : {
          label: "Force-join a local user",
          help: "Joins the user without asking. In a room that is not public you (the admin) must be a member who can invite.",
          button: "Join user",
        };
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
        if (kind === "make-admin") run(() => makeRoomAdminAction(input), () => `${input.userId} is now a room admin.`);
        else run(() => forceJoinRoomAction(input), () => `${input.userId} joined the room.`);
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
  return (
    <ConfirmActionButton
      label="Clear extremities"
      confirmLabel="Clear"
      question="Keep only the newest extremity?"
      action={() => clearExtremitiesAction({ roomId })}
      done={(d) => `Removed ${d.deleted} forward extremit${d.deleted === 1 ? "y" : "ies"}.`}
    />
  );
}
