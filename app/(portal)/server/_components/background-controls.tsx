"use client";
import { useCan } from "@/app/(portal)/_components/role";
import { setBackgroundUpdatesEnabledAction, startBackgroundJobAction } from "../background-updates/actions";
import { ActionButton } from "@/app/(portal)/_components/action-button";
import { DialogActions, DialogButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { BACKGROUND_JOBS, type BackgroundJobName } from "@/lib/schemas/background-updates";

/** Pause or resume Synapse's background updates. */
export function BackgroundToggle({ enabled }: { enabled: boolean }) {
  if (!useCan("owner")) return null;
  return (
    <ActionButton
      label={enabled ? "Pause background updates" : "Resume background updates"}
      refresh
      action={() => setBackgroundUpdatesEnabledAction({ enabled: !enabled })}
      done={(d) => (d.enabled ? "Background updates resumed." : "Background updates paused (until Synapse restarts).")}
    />
  );
}

/** Starts one documented job after a confirmation that says what it costs. */
export function StartJobButton({ job }: { job: BackgroundJobName }) {
  const allowed = useCan("owner");
  const { pending, outcome, run } = useAction({ refresh: true });
  const spec = BACKGROUND_JOBS[job];
  if (!allowed) return null;
  return (
    <div className="flex flex-col gap-1">
      <DialogButton label={spec.label} title={`${spec.label}?`}>
        {(close) => (
          <>
            <p className="text-sm">{spec.cost}</p>
            <DialogActions
              label="Start"
              pending={pending}
              onCancel={close}
              onConfirm={() => {
                close();
                run(() => startBackgroundJobAction({ job }), `Started: ${spec.label.toLowerCase()}.`);
              }}
            />
          </>
        )}
      </DialogButton>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
