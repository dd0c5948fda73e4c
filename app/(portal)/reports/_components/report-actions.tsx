"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { deleteReportAction, redactReportedEventAction, setReportResolvedAction } from "../actions";
import { ActionButton, ConfirmActionButton } from "@/app/(portal)/_components/action-button";

export function ResolveToggle({ reportId, resolved }: { reportId: number; resolved: boolean }) {
  return (
    <ActionButton
      label={resolved ? "Reopen (mark unresolved)" : "Mark as resolved"}
      className={resolved ? "btn-secondary" : "btn-primary"}
      action={() => setReportResolvedAction({ reportId, resolved: !resolved })}
      done={(d) => (d.resolved ? "Marked as resolved." : "Marked as unresolved.")}
    />
  );
}

export function RedactEventForm({ reportId, localSender }: { reportId: number; localSender: boolean }) {
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
      <ConfirmActionButton
        label="Redact event"
        confirmLabel="Redact"
        question="Remove the event's content for everyone?"
        danger
        action={() => redactReportedEventAction({ reportId, reason })}
        done={(d) => (d.as === "sender" ? "The event was redacted (in the sender's name)." : "The event was redacted (in your name).")}
      />
    </div>
  );
}

export function DeleteReportButton({ reportId }: { reportId: number }) {
  const router = useRouter();
  return (
    <ConfirmActionButton
      label="Delete report"
      confirmLabel="Delete"
      question="Delete this report from Synapse? The event itself stays."
      danger
      action={() => deleteReportAction({ reportId })}
      done={() => {
        router.push("/reports");
        return "The report was deleted.";
      }}
    />
  );
}
