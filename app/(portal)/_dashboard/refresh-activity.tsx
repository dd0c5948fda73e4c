"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { ActionButton } from "@/app/(portal)/_components/action-button";
import { refreshActivityAction } from "./actions";

const OUTCOME = { queued: "Counting again…", pending: "Already being counted.", fresh: "The figures are current." } as const;

/** Asks for the user activity figures to be computed again now. */
export function RefreshActivity() {
  return <ActionButton label="Refresh" action={() => refreshActivityAction({})} done={(o) => OUTCOME[o]} refresh />;
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
