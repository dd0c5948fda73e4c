"use client";
import { useState } from "react";
import { useCan } from "@/app/(portal)/_components/role";
import { resetDestinationConnectionAction } from "../federation/actions";
import { ConfirmActionButton } from "@/app/(portal)/_components/action-button";

/**
 * Clears Synapse's back-off for a destination so it retries at once. Offered while it fails; once shown it
 * stays (with its outcome line) after the refresh that shows the destination no longer failing.
 */
export function ResetConnectionButton({ destination, failing }: { destination: string; failing: boolean }) {
  const [offered] = useState(failing);
  const can = useCan("owner");
  if (!can || !(offered || failing)) return null;
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
