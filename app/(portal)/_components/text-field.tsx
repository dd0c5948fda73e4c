// The portal's one text field: label, input, help and error, tied together with aria-describedby.
import type { InputHTMLAttributes, ReactNode } from "react";
import { useMessage } from "@/lib/i18n/hooks";

/** A field's message, announced when it appears. */
export function FieldError({ id, message }: { id?: string; message?: string | null }) {
  const render = useMessage();
  if (!message) return null;
  return (
    <p id={id} aria-live="polite" className="text-sm text-danger">
      {render(message)}
    </p>
  );
}

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string | null;
  /** classes of the wrapping column (width, flex) */
  wrapClassName?: string;
  /** a React 19 ref (react-hook-form's register() passes one) */
  ref?: React.Ref<HTMLInputElement>;
  /** something after the input inside the column (a datalist, a hint with its own test id) */
  after?: ReactNode;
};

export function TextField({ id, label, help, error, wrapClassName, className, after, ...input }: Props) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${wrapClassName ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} className={className ?? "field"} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {after}
      {help && (
        <span id={`${id}-help`} className="text-xs text-muted">
          {help}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
