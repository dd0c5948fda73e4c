"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { cancelBulkUsersAction } from "../actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

/** Re-renders the job page every second while it runs, and offers Cancel. */
export function BulkProgress({ jobId, running }: { jobId: string; running: boolean }) {
  const router = useRouter();
  const { run, error, pending: cancelling } = useAction({ refresh: true });
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(t);
  }, [running, router]);
  if (!running) return null;
  return (
    <div className="flex items-center gap-3 text-sm">
      <button
        type="button"
        className="btn-secondary py-1"
        disabled={cancelling}
        onClick={() => void run(() => cancelBulkUsersAction({ jobId }))}
      >
        {cancelling ? "Cancelling…" : "Cancel"}
      </button>
      <OutcomeLine error={error} />
    </div>
  );
}
