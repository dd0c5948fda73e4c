"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createRegistrationTokenAction, updateRegistrationTokenAction } from "../registration-tokens/actions";
import { OutcomeText, useActionRunner } from "@/app/(portal)/_components/action-runner";
import { FieldError } from "@/app/(portal)/_components/field-error";
import { localDateTimeToMs, msToLocalDateTime, TOKEN_MAX_LENGTH, type RegistrationToken } from "@/lib/schemas/registration-tokens";

/** The admin's time zone, named in the expiry's label. */
function timeZoneName(): string {
  return typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "your time zone";
}

/**
 * Create (no `existing`) or edit a registration token. The expiry is typed in the browser's time zone and sent
 * as a moment; Synapse is only called once the input is valid.
 */
export function TokenForm({ existing, onDone }: { existing?: RegistrationToken; onDone?: () => void }) {
  const router = useRouter();
  const { pending, outcome, run } = useActionRunner();
  const [token, setToken] = useState(existing?.token ?? "");
  const [uses, setUses] = useState(existing?.usesAllowed === null || existing === undefined ? "" : String(existing.usesAllowed));
  const [expiry, setExpiry] = useState(msToLocalDateTime(existing?.expiryTime ?? null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const idp = existing ? "edit-token" : "new-token";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    const ms = localDateTimeToMs(expiry);
    // NaN (an unreadable date) is sent as text so the schema names the field instead of a number check failing
    const expiryTime = (ms !== null && Number.isNaN(ms) ? "invalid" : ms) as number | null;
    const onFail = (r: { error: { fieldErrors?: Record<string, string> } }) => setErrors(r.error.fieldErrors ?? {});
    if (existing) {
      run(
        () => updateRegistrationTokenAction({ token: existing.token, usesAllowed: uses, expiryTime }),
        () => {
          router.refresh();
          onDone?.();
          return "The token was saved.";
        },
        onFail,
      );
    } else {
      run(
        () => createRegistrationTokenAction({ token, usesAllowed: uses, expiryTime }),
        (t) => {
          setToken("");
          setUses("");
          setExpiry("");
          router.refresh();
          return `Created the token ${t.token}.`;
        },
        onFail,
      );
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={existing ? "Edit registration token" : "New registration token"} noValidate>
      {!existing && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${idp}-token`} className="text-sm font-medium">
            Token (leave empty to generate one)
          </label>
          <input id={`${idp}-token`} className="field font-mono" value={token} maxLength={TOKEN_MAX_LENGTH + 10} onChange={(e) => setToken(e.target.value)} aria-describedby={`${idp}-token-error`} />
          <FieldError id={`${idp}-token-error`} message={errors.token} />
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idp}-uses`} className="text-sm font-medium">
          Uses allowed (empty for unlimited)
        </label>
        <input id={`${idp}-uses`} className="field w-40" inputMode="numeric" value={uses} onChange={(e) => setUses(e.target.value)} aria-describedby={`${idp}-uses-error`} />
        <FieldError id={`${idp}-uses-error`} message={errors.usesAllowed} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idp}-expiry`} className="text-sm font-medium">
          Expires (in {timeZoneName()}; empty for never)
        </label>
        <input id={`${idp}-expiry`} type="datetime-local" className="field w-64" value={expiry} onChange={(e) => setExpiry(e.target.value)} aria-describedby={`${idp}-expiry-error`} />
        <FieldError id={`${idp}-expiry-error`} message={errors.expiryTime} />
      </div>
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {existing ? "Save token" : "Create token"}
        </button>
      </div>
      <OutcomeText outcome={outcome} />
    </form>
  );
}
