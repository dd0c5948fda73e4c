"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import { allowCrossSigningResetAction, renewAccountValidityAction } from "../[id]/moderation-actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { ActionForm, SubmitButton } from "@/app/(portal)/_components/action-form";
import { useAction } from "@/app/(portal)/_components/use-action";

/** Account validity: when the account expires (only enforced where the server has account_validity). */
export function AccountValidityForm({ userId }: { userId: string }) {
  const t = useTranslations("moderation.validity");
  const { dateTime } = useFormat();
  const [date, setDate] = useState("");
  const { run, pending, outcome } = useAction();
  return (
    <ActionForm
      className="flex flex-col gap-2 text-sm"
      label={t("title")}
      onSubmit={() => run(() => renewAccountValidityAction({ userId, expiresOn: date }), (d) => t("done", { at: dateTime(new Date(d.expiresAt)) }))}
    >
      <h3 className="font-medium">{t("title")}</h3>
      <p className="text-muted">
        {t("help")}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span>{t("expiresOn")}</span>
          <input type="date" className="field" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <SubmitButton pending={pending}>{date ? t("set") : t("renew")}</SubmitButton>
      </div>
      <OutcomeLine outcome={outcome} />
    </ActionForm>
  );
}

/** The one-off allowance to replace cross-signing keys without re-authenticating. */
export function CrossSigningResetButton({ userId }: { userId: string }) {
  const t = useTranslations("moderation.crossSigning");
  const { dateTime } = useFormat();
  const { run, pending, outcome } = useAction();
  return (
    <div className="flex flex-col gap-2 text-sm">
      <h3 className="font-medium">{t("title")}</h3>
      <p className="text-muted">
        {t("help")}
      </p>
      <button
        type="button"
        className="btn-secondary self-start py-1.5"
        disabled={pending}
        onClick={() => run(() => allowCrossSigningResetAction({ userId }), (d) => t("done", { until: dateTime(new Date(d.until)) }))}
      >
        {t("allow")}
      </button>
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
