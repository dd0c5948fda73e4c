"use client";
import { useCan } from "@/app/(portal)/_components/role";
import { resetDestinationConnectionAction } from "../federation/actions";
import { ConfirmActionButton } from "@/app/(portal)/_components/action-button";

/** Clears Synapse's back-off for a destination so it retries at once. */
export function ResetConnectionButton({ destination }: { destination: string }) {
  if (!useCan("owner")) return null;
  return (
    <ConfirmActionButton
      label="Reset connection"
      confirmLabel="Reset"
      question={`Forget the failures and retry ${destination} now?`}
      refresh
      action={() => resetDestinationConnectionAction({ destination })}
      done="The retry timings were cleared; Synapse retries this server now."
    />
  );
}
