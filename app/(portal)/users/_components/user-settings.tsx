"use client";
import { useState } from "react";
import { EXPERIMENTAL_FEATURES, type ExperimentalFeature } from "@/lib/schemas/users";
import type { RateLimitOverride } from "@/lib/synapse/user-data";
import { clearRateLimitAction, setExperimentalFeaturesAction, setRateLimitAction } from "../[id]/actions";
import { FormError } from "./form-bits";

export function RateLimitForm({ userId, current }: { userId: string; current: RateLimitOverride }) {
  const [mps, setMps] = useState(String(current?.messagesPerSecond ?? 0));
  const [burst, setBurst] = useState(String(current?.burstCount ?? 0));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      className="card flex flex-col gap-3 text-sm"
      aria-label="Rate-limit override"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        setStatus(null);
        const r = await setRateLimitAction({ userId, messagesPerSecond: mps, burstCount: burst });
        setBusy(false);
        if (r.ok) setStatus("Override saved.");
        else setError(r.error.message);
      }}
    >
      <p data-testid="ratelimit-current">
        {current === null
          ? "No override: the server's message rate limits apply."
          : current.messagesPerSecond === 0 && current.burstCount === 0
            ? "Override: no rate limit at all for this user."
            : `Override: ${current.messagesPerSecond} messages per second, bursts of ${current.burstCount}.`}
      </p>
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
      <FormError message={error} />
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary py-1.5" disabled={busy}>
          Save override
        </button>
        {current !== null && (
          <button
            type="button"
            className="btn-secondary py-1.5"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const r = await clearRateLimitAction({ userId });
              setBusy(false);
              if (r.ok) setStatus("Override removed.");
              else setError(r.error.message);
            }}
          >
            Remove override
          </button>
        )}
        <span role="status" className="text-emerald-700 dark:text-emerald-300">
          {status}
        </span>
      </div>
    </form>
  );
}

export function FeaturesForm({ userId, current }: { userId: string; current: Record<ExperimentalFeature, boolean> }) {
  const [features, setFeatures] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <form
      noValidate
      className="card flex flex-col gap-3 text-sm"
      aria-label="Experimental features"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        setStatus(null);
        const r = await setExperimentalFeaturesAction({ userId, features });
        if (r.ok) setStatus("Saved.");
        else setError(r.error.message);
      }}
    >
      {(Object.keys(EXPERIMENTAL_FEATURES) as ExperimentalFeature[]).map((k) => (
        <label key={k} className="flex items-center gap-2">
          <input type="checkbox" checked={features[k]} onChange={(e) => setFeatures({ ...features, [k]: e.target.checked })} />
          {EXPERIMENTAL_FEATURES[k]}
        </label>
      ))}
      <FormError message={error} />
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary py-1.5">
          Save features
        </button>
        <span role="status" className="text-emerald-700 dark:text-emerald-300">
          {status}
        </span>
      </div>
    </form>
  );
}
