import type { UseFormRegisterReturn } from "react-hook-form";

/** A field's message, announced when it appears. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} aria-live="polite" className="text-sm text-danger">
      {message ?? ""}
    </p>
  );
}

/** "Last access before": a local date and time to the second. */
export function DateTimeField({ id, label, field, error }: { id: string; label: string; field: UseFormRegisterReturn; error?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        step={1}
        className="field"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...field}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
