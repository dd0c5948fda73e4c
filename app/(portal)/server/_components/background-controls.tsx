"use client";
import { useRouter } from "next/navigation";
import { setBackgroundUpdatesEnabledAction, startBackgroundJobAction } from "../background-updates/actions";
import { OutcomeText, useActionRunner } from "@/app/(portal)/_components/action-runner";
import { ConfirmActions, ModalButton } from "@/app/(portal)/_components/modal";
import { BACKGROUND_JOBS, type BackgroundJobName } from "@/lib/schemas/background-updates";

/** Pause or resume Synapse's background updates. */
export function BackgroundToggle({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const { pending, outcome, run } = useActionRunner();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() =>
          run(
            () => setBackgroundUpdatesEnabledAction({ enabled: !enabled }),
            (d) => {
              router.refresh();
              return d.enabled ? "Background updates resumed." : "Background updates paused (until Synapse restarts).";
            },
          )
        }
      >
        {enabled ? "Pause background updates" : "Resume background updates"}
      </button>
      <OutcomeText outcome={outcome} />
    </div>
  );
}

/** Starts one documented job after a confirmation that says what it costs. */
export function StartJobButton({ job }: { job: BackgroundJobName }) {
  const router = useRouter();
  const { pending, outcome, run } = useActionRunner();
  const spec = BACKGROUND_JOBS[job];
  return (
    <div className="flex flex-col gap-1">
      <ModalButton label={spec.label} title={`${spec.label}?`}>
        {(close) => (
          <>
            <p className="text-sm">{spec.cost}</p>
            <ConfirmActions
              label="Start"
              pending={pending}
              onCancel={close}
              onConfirm={() => {
                close();
                run(
                  () => startBackgroundJobAction({ job }),
                  () => {
                    router.refresh();
                    return `Started: ${spec.label.toLowerCase()}.`;
                  },
                );
              }}
            />
          </>
        )}
      </ModalButton>
      <OutcomeText outcome={outcome} />
    </div>
  );
}
