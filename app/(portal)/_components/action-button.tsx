"use client";
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/result";
import { ConfirmButton } from "./dialog";
import { OutcomeLine } from "./outcome-line";
import { useAction } from "./use-action";

type Run<T> = {
  /** The server action call. */
  action: () => Promise<ActionResult<T>>;
  /** The outcome line on success. */
  done: string | ((data: T) => string);
  refresh?: boolean;
  /** What the button changes, shown on the same line before it ("Not blocked."). */
  state?: ReactNode;
};

/** One button that runs a server action, with its outcome line below (useAction underneath). */
export function ActionButton<T>({ action, done, refresh, state, label, className = "btn-secondary" }: Run<T> & { label: string; className?: string }) {
  const { pending, outcome, run } = useAction({ refresh });
  return (
    <ActionFrame state={state} outcome={outcome}>
      <button type="button" className={className} disabled={pending} onClick={() => run(action, done)}>
        {label}
      </button>
    </ActionFrame>
  );
}

/** The same, asking first: the button turns into the question with confirm and cancel (ConfirmButton). */
export function ConfirmActionButton<T>({
  action,
  done,
  refresh,
  state,
  ...ask
}: Run<T> & { label: string; confirmLabel: string; question: string; danger?: boolean }) {
  const { pending, outcome, run } = useAction({ refresh });
  return (
    <ActionFrame state={state} outcome={outcome}>
      <ConfirmButton {...ask} pending={pending} onConfirm={() => run(action, done)} />
    </ActionFrame>
  );
}

function ActionFrame({ state, outcome, children }: { state?: ReactNode; outcome: ReturnType<typeof useAction>["outcome"]; children: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-1">
      {state ? (
        <div className="flex flex-wrap items-center gap-3">
          {state}
          {children}
        </div>
      ) : (
        children
      )}
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
