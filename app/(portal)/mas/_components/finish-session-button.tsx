"use client";
import { useTranslations } from "next-intl";
import { ConfirmActionButton } from "@/app/(portal)/_components/action-button";
import { finishMasSessionAction } from "../actions";

export function FinishSessionButton({ sessionId }: { sessionId: string }) {
  const t = useTranslations("mas.finish");
  return (
    <ConfirmActionButton
      label={t("label")}
      confirmLabel={t("confirm")}
      question={t("question")}
      danger
      refresh
      action={() => finishMasSessionAction({ sessionId })}
      done={t("done")}
    />
  );
}
