"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { deleteReportAction, redactReportedEventAction, setReportResolvedAction } from "../actions";
import { ConfirmButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

export function ResolveToggle({ reportId, resolved }: { reportId: number; resolved: boolean }) {
  const { pending, outcome, run } = useAction();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        className={resolved ? "btn-secondary" : "btn-primary"}
        disabled={pending}
        onClick={() => run(() => setReportResolvedAction({ reportId, resolved: !resolved }), (d) => (d.resolved ? "Marked as resolved." : "Marked as unresolved."))}
      >
        {resolved ? "Reopen (mark unresolved)" : "Mark as resolved"}
      </button>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}

export function RedactEventForm({ reportId, localSender }: { reportId: number; localSender: boolean }) {
  const { pending, outcome, run } = useAction();
  const [reason, setReason] = useState("");
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="redact-reason" className="text-sm font-medium">
        Reason for the redaction (optional, visible in the room)
      </label>
      <input id="redact-reason" className="field max-w-xl" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <p className="text-xs text-muted">
        {localSender
          ? "The sender is a user of this server: the portal redacts in their name, so no power in the room is needed."
          : "The sender is on another server: the redaction is sent in your name, so you must be in the room with permission to redact (see “Make a user room admin” on the room page)."}
      </p>
      <ConfirmButton
        label="Redact event"
        confirmLabel="Redact"
        question="Remove the event's content for everyone?"
        danger
        pending={pending}
        onConfirm={() =>
          run(
            () => redactReportedEventAction({ reportId, reason }),
            (d) => (d.as === "sender" ? "The event was redacted (in the sender's name)." : "The event was redacted (in your name)."),
          )
        }
      />
      <OutcomeLine outcome={outcome} />
    </div>
  );
}

export function DeleteReportButton({ reportId }: { reportId: number }) {
  const router = useRouter();
  const { pending, outcome, run } = useAction();
  return (
    <div className="flex flex-col gap-1">
      <ConfirmButton
        label="Delete report"
        confirmLabel="Delete"
        question="Delete this report from Synapse? The event itself stays."
        danger
        pending={pending}
        onConfirm={() =>
          run(
            () => deleteReportAction({ reportId }),
            () => {
              router.push("/reports");
              return "The report was deleted.";
            },
          )
        }
      />
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
