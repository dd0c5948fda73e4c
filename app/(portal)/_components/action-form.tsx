"use client";
// The portal's in-page form: submitting runs a server action through useAction instead of loading a page.
import type { ReactNode } from "react";

/** A form whose submit calls `onSubmit` (the browser's own submit prevented); `label` is its accessible name. */
export function ActionForm(props: { label?: string; className: string; noValidate?: boolean; onSubmit: () => void; children: ReactNode }) {
  const { label, className, onSubmit, children } = props;
  return (
    <form
      noValidate={props.noValidate}
      className={className}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** A form's submit button, disabled while its action runs. */
export function SubmitButton({ pending, className = "btn-secondary py-1.5", children }: { pending: boolean; className?: string; children: ReactNode }) {
  return (
    <button type="submit" className={className} disabled={pending}>
      {children}
    </button>
  );
}
