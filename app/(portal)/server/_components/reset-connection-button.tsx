"use client";
import { useRouter } from "next/navigation";
import { resetDestinationConnectionAction } from "../federation/actions";
import { ConfirmButton, OutcomeText, useActionRunner } from "@/app/(portal)/_components/action-runner";

/** Clears Synapse's back-off for a destination so it retries at once. */
export function ResetConnectionButton({ destination }: { destination: string }) {
  const router = useRouter();
  const { pending, outcome, run } = useActionRunner();
  return (
    <div className="flex flex-col gap-1">
      <ConfirmButton
        label="Reset connection"
        confirmLabel="Reset"
        question={`Forget the failures and retry ${destination} now?`}
        pending={pending}
        onConfirm={() =>
          run(
            () => resetDestinationConnectionAction({ destination }),
            () => {
              router.refresh();
              return "The retry timings were cleared; Synapse retries this server now.";
            },
          )
        }
      />
      <OutcomeText outcome={outcome} />
    </div>
  );
}
