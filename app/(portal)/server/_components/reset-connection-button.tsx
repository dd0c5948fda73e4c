"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useCan } from "@/app/(portal)/_components/role";
import { resetDestinationConnectionAction } from "../federation/actions";
import { ConfirmActionButton } from "@/app/(portal)/_components/action-button";

/**
 * Clears Synapse's back-off for a destination so it retries at once. Offered while it fails; once shown it
 * stays (with its outcome line) after the refresh that shows the destination no longer failing.
 */
export function ResetConnectionButton({ destination, failing }: { destination: string; failing: boolean }) {
  const [offered] = useState(failing);
  const can = useCan("owner");
  const t = useTranslations("server.federation.reset");
  if (!can || !(offered || failing)) return null;
  return (
    <ConfirmActionButton
      label={t("label")}
      confirmLabel={t("confirm")}
      question={t("question", { destination })}
      refresh
      action={() => resetDestinationConnectionAction({ destination })}
      done={t("done")}
    />
  );
}
