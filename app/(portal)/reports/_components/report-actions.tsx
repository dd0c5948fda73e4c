"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteReportAction, redactReportedEventAction, setReportResolvedAction } from "../actions";
import { ActionButton, ConfirmActionButton } from "@/app/(portal)/_components/action-button";

export function ResolveToggle({ reportId, resolved }: { reportId: number; resolved: boolean }) {
  const t = useTranslations("reports.actions");
  return (
    <ActionButton
      label={resolved ? t("reopen") : t("resolve")}
      className={resolved ? "btn-secondary" : "btn-primary"}
      action={() => setReportResolvedAction({ reportId, resolved: !resolved })}
      done={(d) => (d.resolved ? t("resolved") : t("reopened"))}
    />
  );
}

export function RedactEventForm({ reportId, localSender }: { reportId: number; localSender: boolean }) {
  const t = useTranslations("reports.actions");
  const [reason, setReason] = useState("");
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="redact-reason" className="text-sm font-medium">
        {t("redact.reason")}
      </label>
      <input id="redact-reason" className="field max-w-xl" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <p className="text-xs text-muted">
        {localSender ? t("redact.localSender") : t("redact.remoteSender")}
      </p>
      <ConfirmActionButton
        label={t("redact.label")}
        confirmLabel={t("redact.confirm")}
        question={t("redact.question")}
        danger
        action={() => redactReportedEventAction({ reportId, reason })}
        done={(d) => (d.as === "sender" ? t("redact.doneSender") : t("redact.doneAdmin"))}
      />
    </div>
  );
}

export function DeleteReportButton({ reportId }: { reportId: number }) {
  const t = useTranslations("reports.actions");
  const router = useRouter();
  return (
    <ConfirmActionButton
      label={t("delete.label")}
      confirmLabel={t("delete.confirm")}
      question={t("delete.question")}
      danger
      action={() => deleteReportAction({ reportId })}
      done={() => {
        router.push("/reports");
        return t("delete.done");
      }}
    />
  );
}
