"use client";
import { ConfirmActionButton } from "@/app/(portal)/_components/action-button";
import { finishMasSessionAction } from "../actions";

export function FinishSessionButton({ sessionId }: { sessionId: string }) {
  return (
    <ConfirmActionButton
      label="End session"
      confirmLabel="End it"
      question="End this MAS session? Its tokens stop working and Synapse forgets its device."
      danger
      refresh
      action={() => finishMasSessionAction({ sessionId })}
      done="Session ended."
    />
  );
}
