/** A field's message, announced when it appears. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} aria-live="polite" className="text-sm text-red-700 dark:text-red-300">
      {message ?? ""}
    </p>
  );
}
