"use client";
import { useTranslations } from "next-intl";
import { useCan } from "@/app/(portal)/_components/role";
import { setBackgroundUpdatesEnabledAction, startBackgroundJobAction } from "../background-updates/actions";
import { ActionButton } from "@/app/(portal)/_components/action-button";
import { DialogActions, DialogButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import type { BackgroundJobName } from "@/lib/schemas/background-updates";

/** Pause or resume Synapse's background updates. */
export function BackgroundToggle({ enabled }: { enabled: boolean }) {
  const t = useTranslations("server.background");
  if (!useCan("owner")) return null;
  return (
    <ActionButton
      label={t(enabled ? "pause" : "resume")}
      refresh
      action={() => setBackgroundUpdatesEnabledAction({ enabled: !enabled })}
      done={(d) => t(d.enabled ? "resumed" : "pausedDone")}
    />
  );
}

/** Starts one documented job after a confirmation that says what it costs. */
export function StartJobButton({ job }: { job: BackgroundJobName }) {
  const allowed = useCan("owner");
  const { pending, outcome, run } = useAction({ refresh: true });
  const t = useTranslations("server.background");
  const label = t(`jobs.${job}.label`);
  if (!allowed) return null;
  return (
    <div className="flex flex-col gap-1">
      <DialogButton label={label} title={t("jobQuestion", { label })}>
        {(close) => (
          <>
            <p className="text-sm">{t(`jobs.${job}.cost`)}</p>
            <DialogActions
              label={t("start")}
              pending={pending}
              onCancel={close}
              onConfirm={() => {
                close();
                run(() => startBackgroundJobAction({ job }), t(`jobs.${job}.started`));
              }}
            />
          </>
        )}
      </DialogButton>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
