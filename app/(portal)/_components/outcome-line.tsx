import { useMessage } from "@/lib/i18n/hooks";

export type Outcome = { ok: boolean; text: string } | null;

/**
 * The one line that says how an action went: a polite status when it worked, an alert when it did not.
 * The live region is always there (so screen readers hear the change); the line inside only when there is news.
 */
export function OutcomeLine({ outcome, error, className }: { outcome?: Outcome; error?: string | null; className?: string }) {
  const render = useMessage();
  const shown = error ? { ok: false, text: error } : (outcome ?? null);
  return (
    <div aria-live="polite" className={className}>
      {shown && (
        <p role={shown.ok ? "status" : "alert"} className={`text-sm ${shown.ok ? "text-ok" : "text-danger"}`}>
          {render(shown.text)}
        </p>
      )}
    </div>
  );
}
