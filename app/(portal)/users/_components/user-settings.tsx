"use client";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { EXPERIMENTAL_FEATURES, type ExperimentalFeature } from "@/lib/schemas/users";
import type { RateLimitOverride } from "@/lib/synapse/user-data";
import { clearRateLimitAction, setExperimentalFeaturesAction, setRateLimitAction } from "../[id]/actions";
import { ActionForm } from "@/app/(portal)/_components/action-form";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

function describeOverride(t: ReturnType<typeof useTranslations<"user.rateLimit">>, current: RateLimitOverride): string {
  if (current === null) return t("none");
  if (current.messagesPerSecond === 0 && current.burstCount === 0) return t("unlimited");
  return t("override", { mps: current.messagesPerSecond, burst: current.burstCount });
}

/** A settings card: submitting it runs the card's action instead of navigating. */
function SettingsForm({ label, onSubmit, children }: { label: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <ActionForm noValidate className="card flex flex-col gap-3 text-sm" label={label} onSubmit={onSubmit}>
      {children}
    </ActionForm>
  );
}

export function RateLimitForm({ userId, current }: { userId: string; current: RateLimitOverride }) {
  const t = useTranslations("user.rateLimit");
  const [mps, setMps] = useState(String(current?.messagesPerSecond ?? 0));
  const [burst, setBurst] = useState(String(current?.burstCount ?? 0));
  const { run, outcome, pending } = useAction();
  return (
    <SettingsForm label={t("label")} onSubmit={() => void run(() => setRateLimitAction({ userId, messagesPerSecond: mps, burstCount: burst }), t("saved"))}>
      <p data-testid="ratelimit-current">{describeOverride(t, current)}</p>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col gap-1">
          <span>{t("mps")}</span>
          <input type="number" min={0} value={mps} onChange={(e) => setMps(e.target.value)} className="field w-40" />
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("burst")}</span>
          <input type="number" min={0} value={burst} onChange={(e) => setBurst(e.target.value)} className="field w-40" />
        </label>
      </div>
      <p className="text-xs text-muted">{t("help")}</p>
      <OutcomeLine outcome={outcome} className="min-h-5" />
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary py-1.5" disabled={pending}>
          {t("save")}
        </button>
        {current !== null && (
          <button type="button" className="btn-secondary py-1.5" disabled={pending} onClick={() => void run(() => clearRateLimitAction({ userId }), t("removed"))}>
            {t("remove")}
          </button>
        )}
      </div>
    </SettingsForm>
  );
}

export function FeaturesForm({ userId, current }: { userId: string; current: Record<ExperimentalFeature, boolean> }) {
  const t = useTranslations("user.features");
  const [features, setFeatures] = useState(current);
  const { run, outcome, pending } = useAction();
  return (
    <SettingsForm label={t("label")} onSubmit={() => void run(() => setExperimentalFeaturesAction({ userId, features }), t("saved"))}>
      {EXPERIMENTAL_FEATURES.map((k) => (
        <label key={k} className="flex items-center gap-2">
          <input type="checkbox" checked={features[k]} onChange={(e) => setFeatures({ ...features, [k]: e.target.checked })} />
          {t(`names.${k}`)}
        </label>
      ))}
      <OutcomeLine outcome={outcome} className="min-h-5" />
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary py-1.5" disabled={pending}>
          {t("save")}
        </button>
      </div>
    </SettingsForm>
  );
}
