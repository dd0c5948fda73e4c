"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/result";

/**
 * Runs a server action with busy, error and status state; on success it shows `done` (if given) and
 * optionally refreshes the page's server data.
 */
export function useRun(refresh = false) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(action: () => Promise<ActionResult<T>>, done?: string): Promise<ActionResult<T>> {
    setBusy(true);
    setError(null);
    setStatus(null);
    const r = await action();
    setBusy(false);
    if (!r.ok) setError(r.error.message);
    else {
      if (done) setStatus(done);
      if (refresh) router.refresh();
    }
    return r;
  }
  return { run, error, status, busy, setError };
}

/** The success line of a form. */
export function FormStatus({ message }: { message: string | null }) {
  return (
    <span role="status" className="text-ok">
      {message}
    </span>
  );
}

export function FieldError({ message, id }: { message?: string; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-danger">
      {message}
    </p>
  );
}

/** A secret shown once (generated password, login token): selectable, copyable, never stored by the portal. */
export function OnceSecret({ label, value, note }: { label: string; value: string; note?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-1 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:bg-amber-950/40">
      <span className="font-medium">{label}</span>
      <div className="flex items-center gap-2">
        <output className="flex-1 font-mono break-all select-all" aria-label={label}>
          {value}
        </output>
        <button
          type="button"
          className="btn-secondary py-1"
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <span className="text-xs text-muted">{note ?? "Shown only now: the portal does not keep it."}</span>
    </div>
  );
}

/** A button that opens a modal <dialog>; the body gets `close`. */
export function DialogButton({
  label,
  title,
  danger,
  children,
}: {
  label: string;
  title: string;
  danger?: boolean;
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={danger ? "btn-secondary border-danger-line py-1.5 text-danger" : "btn-secondary py-1.5"} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <dialog
          ref={(el) => {
            if (el && !el.open) el.showModal();
          }}
          onClose={() => setOpen(false)}
          aria-label={title}
          className="m-auto w-full max-w-lg rounded-lg border border-line bg-surface p-5 text-ink shadow-xl backdrop:bg-black/40"
        >
          <h2 className="mb-3 text-lg font-semibold">{title}</h2>
          {children(() => setOpen(false))}
        </dialog>
      )}
    </>
  );
}

/** The error line of a dialog or form. */
export function FormError({ message }: { message: string | null }) {
  return (
    <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-danger">
      {message}
    </p>
  );
}

/** The admin flag and the user type, as the create and edit forms both ask for them. */
export function RoleFields({ idPrefix, admin, userType, error }: { idPrefix: string; admin: UseFormRegisterReturn; userType: UseFormRegisterReturn; error?: string }) {
  return (
    <>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...admin} /> Server admin
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-usertype`} className="text-sm font-medium">
          User type
        </label>
        <input id={`${idPrefix}-usertype`} list={`${idPrefix}-user-types`} placeholder="regular" className="field" {...userType} />
        <datalist id={`${idPrefix}-user-types`}>
          <option value="bot" />
          <option value="support" />
        </datalist>
        <FieldError message={error} />
      </div>
    </>
  );
}

/** The homeserver's password rules under a password field (passwords that break them are refused). */
export function PolicyHint({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <span className="text-xs text-muted" data-testid="password-policy">
      {text}
    </span>
  );
}
