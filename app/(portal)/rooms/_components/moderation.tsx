"use client";
import { useState } from "react";
import { roomUserSchema } from "@/lib/schemas/rooms";
import { clearExtremitiesAction, forceJoinRoomAction, makeRoomAdminAction, setRoomBlockAction, setRoomPublishedAction } from "../actions";
import { ConfirmButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

export function BlockToggle({ roomId, blocked }: { roomId: string; blocked: boolean }) {
  const { pending, outcome, run } = useAction();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="block-state">{blocked ? "Blocked: nobody on this server can join." : "Not blocked."}</span>
        <ConfirmButton
          label={blocked ? "Unblock" : "Block"}
          confirmLabel={blocked ? "Unblock room" : "Block room"}
          question={blocked ? "Allow joins again?" : "Stop everyone on this server from joining?"}
          pending={pending}
          onConfirm={() => run(() => setRoomBlockAction({ roomId, block: !blocked }), (d) => (d.blocked ? "The room is blocked." : "The room is unblocked."))}
        />
      </div>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}

export function PublishToggle({ roomId, published }: { roomId: string; published: boolean }) {
  const { pending, outcome, run } = useAction();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="directory-state">{published ? "Published in the room directory." : "Not in the room directory."}</span>
        <button
          type="button"
          className="btn-secondary py-1"
          disabled={pending}
          onClick={() =>
            run(
              () => setRoomPublishedAction({ roomId, publish: !published }),
              (d) => (d.published ? "The room is now in the directory." : "The room was removed from the directory."),
            )
          }
        >
          {published ? "Remove from directory" : "Publish in directory"}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
    </div>
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
        <input id={id} className="field min-w-64 flex-1" placeholder="@alice:example.org" value={userId} onChange={(e) => setUserId(e.target.value)} aria-invalid={fieldError ? true : undefined} />
        <button type="submit" className="btn-secondary py-1" disabled={pending}>
          {text.button}
        </button>
      </div>
      {fieldError && (
        <p role="alert" className="text-sm text-danger">
          {fieldError}
        </p>
      )}
      <OutcomeLine outcome={outcome} />
    </form>
  );
}

export function ClearExtremitiesButton({ roomId }: { roomId: string }) {
  const { pending, outcome, run } = useAction();
  return (
    <div className="flex flex-col gap-1">
      <ConfirmButton
        label="Clear extremities"
        confirmLabel="Clear"
        question="Keep only the newest extremity?"
        pending={pending}
        onConfirm={() => run(() => clearExtremitiesAction({ roomId }), (d) => `Removed ${d.deleted} forward extremit${d.deleted === 1 ? "y" : "ies"}.`)}
      />
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
