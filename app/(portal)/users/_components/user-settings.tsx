"use client";
import { useState, type ReactNode } from "react";
import { EXPERIMENTAL_FEATURES, type ExperimentalFeature } from "@/lib/schemas/users";
import type { RateLimitOverride } from "@/lib/synapse/user-data";
import { clearRateLimitAction, setExperimentalFeaturesAction, setRateLimitAction } from "../[id]/actions";
import { ActionForm } from "@/app/(portal)/_components/action-form";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

function describeOverride(current: RateLimitOverride): string {
  if (current === null) return "No override: the server's message rate limits apply.";
  if (current.messagesPerSecond === 0 && current.burstCount === 0) return "Override: no rate limit at all for this user.";
  return `Override: ${current.messagesPerSecond} messages per second, bursts of ${current.burstCount}.`;
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
  const [mps, setMps] = useState(String(current?.messagesPerSecond ?? 0));
  const [burst, setBurst] = useState(String(current?.burstCount ?? 0));
  const { run, outcome, pending } = useAction();
  return (
    <SettingsForm label="Rate-limit override" onSubmit={() => void run(() => setRateLimitAction({ userId, messagesPerSecond: mps, burstCount: burst }), "Override saved.")}>
      <p data-testid="ratelimit-current">{describeOverride(current)}</p>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col gap-1">
          <span>Messages per second</span>
          <input type="number" min={0} value={mps} onChange={(e) => setMps(e.target.value)} className="field w-40" />
        </label>
        <label className="flex flex-col gap-1">
          <span>Burst count</span>
          <input type="number" min={0} value={burst} onChange={(e) => setBurst(e.target.value)} className="field w-40" />
        </label>
      </div>
      <p className="text-xs text-muted">0 and 0 exempt the user from rate limiting entirely.</p>
      <OutcomeLine outcome={outcome} className="min-h-5" />
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary py-1.5" disabled={pending}>
          Save override
        </button>
        {current !== null && (
          <button type="button" className="btn-secondary py-1.5" disabled={pending} onClick={() => void run(() => clearRateLimitAction({ userId }), "Override removed.")}>
            Remove override
          </button>
        )}
      </div>
    </SettingsForm>
  );
}

export function FeaturesForm({ userId, current }: { userId: string; current: Record<ExperimentalFeature, boolean> }) {
  const [features, setFeatures] = useState(current);
  const { run, outcome, pending } = useAction();
  return (
    <SettingsForm label="Experimental features" onSubmit={() => void run(() => setExperimentalFeaturesAction({ userId, features }), "Saved.")}>
      {(Object.keys(EXPERIMENTAL_FEATURES) as ExperimentalFeature[]).map((k) => (
        <label key={k} className="flex items-center gap-2">
          <input type="checkbox" checked={features[k]} onChange={(e) => setFeatures({ ...features, [k]: e.target.checked })} />
          {EXPERIMENTAL_FEATURES[k]}
        </label>
      ))}
      <OutcomeLine outcome={outcome} className="min-h-5" />
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary py-1.5" disabled={pending}>
          Save features
        </button>
      </div>
    </SettingsForm>
  );
}
