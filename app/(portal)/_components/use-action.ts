"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/result";
import type { Outcome } from "./outcome-line";

type Failure<T> = Extract<ActionResult<T>, { ok: false }>;

/**
 * The one hook for buttons and small forms that run a server action: pending while it runs, the outcome as a
 * sentence (the action's error, or `done` on success), and optionally a refresh of the page's server data.
 * `run` also resolves with the result, for callers that go on (close a dialog, show a secret, navigate).
 */
export function useAction({ refresh = false }: { refresh?: boolean } = {}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  function run<T>(call: () => Promise<ActionResult<T>>, done?: string | ((data: T) => string), failed?: (r: Failure<T>) => void) {
    setOutcome(null);
    return new Promise<ActionResult<T>>((resolve) => {
      startTransition(async () => {
        const r = await call();
        if (r.ok) {
          const text = typeof done === "function" ? done(r.data) : done;
          if (text) setOutcome({ ok: true, text });
          if (refresh) router.refresh();
        } else {
          setOutcome({ ok: false, text: r.error.message });
          failed?.(r);
        }
        resolve(r);
      });
    });
  }
  const error = outcome && !outcome.ok ? outcome.text : null;
  return { run, pending, outcome, error, setOutcome };
}
