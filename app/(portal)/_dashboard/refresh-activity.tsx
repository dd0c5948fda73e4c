"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/app/(portal)/_components/action-button";
import { refreshActivityAction } from "./actions";

/** Asks for the user activity figures to be computed again now. */
export function RefreshActivity() {
  const t = useTranslations("dashboard.activity");
  return <ActionButton label={t("refresh")} action={() => refreshActivityAction({})} done={(o) => t(`outcome.${o}`)} refresh />;
}

/** Re-renders the page every `everyMs` while mounted (the server stops rendering it once the figures land). */
export function RefreshWhilePending({ everyMs = 1500 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const t = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(t);
  }, [router, everyMs]);
  return null;
}
