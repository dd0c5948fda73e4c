"use client";
// Last resort for a page that failed unexpectedly; expected failures are shown by the pages themselves.
export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="card flex flex-col items-start gap-3">
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="text-muted">
        The portal hit an unexpected error (it was logged on the server). If the homeserver was restarting, try again in a moment.
      </p>
      <button type="button" className="btn-primary" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
