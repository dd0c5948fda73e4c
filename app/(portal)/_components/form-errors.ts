import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * A failed action's field errors onto a react-hook-form form, each under its field. Returns them: when there are
 * none, the form shows the action's message at the top instead.
 */
export function showFieldErrors<F extends FieldValues>(error: { fieldErrors?: Record<string, string> }, setError: UseFormSetError<F>): Record<string, string> {
  const fields = error.fieldErrors ?? {};
  for (const [k, message] of Object.entries(fields)) setError(k as Path<F>, { message });
  return fields;
}

/** The same, and the action's message at the top of the form when it names no field. */
export function showActionError<F extends FieldValues>(error: { message: string; fieldErrors?: Record<string, string> }, setError: UseFormSetError<F>, setFormError: (message: string) => void) {
  if (Object.keys(showFieldErrors(error, setError)).length === 0) setFormError(error.message);
}
