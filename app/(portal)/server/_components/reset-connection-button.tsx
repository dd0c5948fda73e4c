"use client";
import { useCan } from "@/app/(portal)/_components/role";
import { resetDestinationConnectionAction } from "../federation/actions";
import { ConfirmButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

/** Clears Synapse's back-off for a destination so it retries at once. */
export function ResetConnectionButton({ destination }: { destination: string }) {
  const allowed = useCan("owner");
  const { pending, outcome, run } = useAction({ refresh: true });
  if (!allowed) return null;
  return (
    <div className="flex flex-col gap-1">
      <ConfirmButton
        label="Reset connection"
        confirmLabel="Reset"
        question={`Forget the failures and retry ${destination} now?`}
        pending={pending}
        onConfirm={() => run(() => resetDestinationConnectionAction({ destination }), "The retry timings were cleared; Synapse retries this server now.")}
      />
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
