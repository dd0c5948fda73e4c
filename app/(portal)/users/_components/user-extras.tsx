"use client";
import { useState } from "react";
import { formatDateTime } from "@/lib/format";
import { allowCrossSigningResetAction, renewAccountValidityAction } from "../[id]/moderation-actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { ActionForm, SubmitButton } from "@/app/(portal)/_components/action-form";
import { useAction } from "@/app/(portal)/_components/use-action";

/** Account validity: when the account expires (only enforced where the server has account_validity). */
export function AccountValidityForm({ userId }: { userId: string }) {
  const [date, setDate] = useState("");
  const { run, pending, outcome } = useAction();
  return (
    <ActionForm
      className="flex flex-col gap-2 text-sm"
      label="Account validity"
      onSubmit={() => run(() => renewAccountValidityAction({ userId, expiresOn: date }), (d) => `The account now expires on ${formatDateTime(new Date(d.expiresAt))}.`)}
    >
      <h3 className="font-medium">Account validity</h3>
      <p className="text-muted">
        On a server with account validity (account_validity in Synapse&apos;s config), accounts expire unless renewed. Renew by the server&apos;s period, or set the
        expiry date. Elsewhere, Synapse stores the date but does not enforce it.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span>Expires on (UTC, optional)</span>
          <input type="date" className="field" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <SubmitButton pending={pending}>{date ? "Set expiry" : "Renew by the server's period"}</SubmitButton>
      </div>
      <OutcomeLine outcome={outcome} />
    </ActionForm>
  );
}

/** The one-off allowance to replace cross-signing keys without re-authenticating. */
export function CrossSigningResetButton({ userId }: { userId: string }) {
  const { run, pending, outcome } = useAction();
  return (
    <div className="flex flex-col gap-2 text-sm">
      <h3 className="font-medium">Cross-signing reset</h3>
      <p className="text-muted">
        A user who lost their recovery key and every verified device can only start over with new cross-signing keys. Normally their client then asks for their
        password, which single sign-on users may not have: this lets them replace the keys without it, for the next few minutes. Their contacts will see that the
        user&apos;s identity changed.
      </p>
      <button
        type="button"
        className="btn-secondary self-start py-1.5"
        disabled={pending}
        onClick={() => run(() => allowCrossSigningResetAction({ userId }), (d) => `Allowed until ${formatDateTime(new Date(d.until))}: ask the user to reset their keys now.`)}
      >
        Allow cross-signing reset
      </button>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
