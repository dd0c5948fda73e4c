"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { createRegistrationTokenAction, updateRegistrationTokenAction } from "../registration-tokens/actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { SubmitButton } from "@/app/(portal)/_components/action-form";
import { TextField } from "@/app/(portal)/_components/text-field";
import { useAction } from "@/app/(portal)/_components/use-action";
import { localDateTimeToMs, msToLocalDateTime, TOKEN_MAX_LENGTH, type RegistrationToken } from "@/lib/schemas/registration-tokens";

/** The admin's time zone, named in the expiry's label (null: unknown). */
function timeZoneName(): string | null {
  return typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : null;
}

/**
 * Create (no `existing`) or edit a registration token. The expiry is typed in the browser's time zone and sent
 * as a moment; Synapse is only called once the input is valid.
 */
export function TokenForm({ existing, onDone }: { existing?: RegistrationToken; onDone?: () => void }) {
  const { pending, outcome, run } = useAction({ refresh: true });
  const t = useTranslations("server.tokens.form");
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
          onDone?.();
          return t("saved");
        },
        onFail,
      );
    } else {
      run(
        () => createRegistrationTokenAction({ token, usesAllowed: uses, expiryTime }),
        (created) => {
          setToken("");
          setUses("");
          setExpiry("");
          return t("created", { token: created.token });
        },
        onFail,
      );
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t(existing ? "editLabel" : "newLabel")} noValidate>
      {!existing && (
        <TextField
          id={`${idp}-token`}
          label={t("token")}
          className="field font-mono"
          value={token}
          maxLength={TOKEN_MAX_LENGTH + 10}
          onChange={(e) => setToken(e.target.value)}
          error={errors.token}
        />
      )}
      <TextField id={`${idp}-uses`} label={t("usesAllowed")} className="field w-40" inputMode="numeric" value={uses} onChange={(e) => setUses(e.target.value)} error={errors.usesAllowed} />
      <TextField
        id={`${idp}-expiry`}
        label={t("expires", { zone: timeZoneName() ?? t("yourZone") })}
        type="datetime-local"
        className="field w-64"
        value={expiry}
        onChange={(e) => setExpiry(e.target.value)}
        error={errors.expiryTime}
      />
      <div>
        <SubmitButton pending={pending} className="btn-primary">
          {t(existing ? "save" : "create")}
        </SubmitButton>
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
