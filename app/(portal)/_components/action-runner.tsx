"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/result";

export type Outcome = { ok: boolean; text: string } | null;

/** Runs a server action from a button or small form and keeps its outcome as a sentence. */
export function useActionRunner() {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  function run<T>(call: () => Promise<ActionResult<T>>, onOk: (data: T) => string, onFail?: (r: Extract<ActionResult<T>, { ok: false }>) => void) {
    setOutcome(null);
    startTransition(async () => {
      const r = await call();
      if (r.ok) setOutcome({ ok: true, text: onOk(r.data) });
      else {
        setOutcome({ ok: false, text: r.error.message });
        onFail?.(r);
      }
    });
  }
  return { pending, outcome, run, setOutcome };
}

export function OutcomeText({ outcome }: { outcome: Outcome }) {
  return (
    <p aria-live="polite" role={outcome && !outcome.ok ? "alert" : "status"} className={`text-sm ${outcome?.ok ? "text-ok" : "text-danger"}`}>
      {outcome?.text}
    </p>
  );
}

/** A button that asks once more before it acts. */
export function ConfirmButton(props: { label: string; confirmLabel: string; question: string; pending: boolean; onConfirm: () => void; danger?: boolean }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={props.danger ? "btn-secondary text-danger" : "btn-secondary"} disabled={props.pending} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <span>{props.question}</span>
      <button
        type="button"
        className="btn-primary py-1"
        disabled={props.pending}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" className="btn-secondary py-1" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
