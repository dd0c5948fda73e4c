"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { cancelBulkUsersAction } from "../actions";

/** Re-renders the job page every second while it runs, and offers Cancel. */
export function BulkProgress({ jobId, running }: { jobId: string; running: boolean }) {
  const router = useRouter();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
        onClick={async () => {
          setCancelling(true);
          const r = await cancelBulkUsersAction({ jobId });
          if (!r.ok) setError(r.error.message);
          router.refresh();
        }}
      >
        {cancelling ? "Cancelling…" : "Cancel"}
      </button>
      <span role="alert" className="text-danger">
        {error}
      </span>
    </div>
  );
}
