"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatBytes, formatCount } from "@/lib/format";
import type { PurgeStatus } from "@/lib/jobs/media-purges";
import { OutcomeLine } from "./outcome-line";
import { getPurgeStatusAction } from "./purge-status-action";

const POLL_MS = 1000;

/** Follows a deletion or purge the server runs, until it ends; then refreshes the page's data. */
export function PurgeProgress({ purgeId, unit = "deleted" }: { purgeId: number; unit?: "deleted" | "purged" }) {
  const router = useRouter();
  const [status, setStatus] = useState<PurgeStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    async function poll() {
      const r = await getPurgeStatusAction({ id: purgeId });
      if (stop) return;
      if (!r.ok) return setError(r.error.message);
      setStatus(r.data);
      if (r.data?.status === "running") timer = setTimeout(poll, POLL_MS);
      else router.refresh();
    }
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [purgeId, router]);

  const history = (
    <Link href={`/jobs/purges/${purgeId}`} className="underline">
      See it in the purge history
    </Link>
  );
  if (error) return <OutcomeLine error={error} />;
  if (!status || status.status === "running") {
    return (
      <p role="status" className="text-sm">
        Working{status?.phase ? ` (${status.phase})` : ""}…{" "}
        {status && status.filesDeleted ? `${formatCount(status.filesDeleted)} files ${unit} so far. ` : ""}
        It continues on the server if you close this page. {history}
      </p>
    );
  }
  const files = `${formatCount(status.filesDeleted ?? 0)} ${status.filesDeleted === 1 ? "file" : "files"} ${unit}`;
  const bytes = status.bytesFreed !== null ? `, ${formatBytes(status.bytesFreed)} freed` : "";
  if (status.status === "ok") {
    return (
      <div role="status" className="flex flex-col gap-1" data-testid="job-result">
        <p className="font-medium text-ok">
          Done: {files}
          {bytes}.
        </p>
        <p className="text-sm">{history}</p>
      </div>
    );
  }
  return (
    <div role="alert" className="flex flex-col gap-1" data-testid="job-result">
      <p className="font-medium text-danger">
        {status.status === "interrupted" ? "Interrupted (the portal restarted while it ran)." : `Failed: ${status.error ?? "unknown error"}`}
      </p>
      {(status.filesDeleted ?? 0) > 0 && (
        <p className="text-sm">
          Before that: {files}
          {bytes}.
        </p>
      )}
      <p className="text-sm">{history}</p>
    </div>
  );
}
