"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState, type ComponentProps } from "react";
import { formatBytes, formatCount } from "@/lib/format";
import type { JobView } from "@/lib/jobs/jobs";
import { JobProgress } from "./job-progress";
import { useMessage } from "@/lib/i18n/hooks";

type MediaResult = { purgeRecord?: number; filesDeleted?: number; bytesFreed?: number | null };
type Actions = Pick<ComponentProps<typeof JobProgress>, "cancel" | "resume">;

/**
 * Follows a media deletion or purge (a job of the runtime, run on whichever instance holds it) with the
 * runtime's panel until it ends; then says what it did and refreshes the page's data.
 */
export function PurgeProgress({ initial, unit = "deleted", cancel, resume }: { initial: JobView; unit?: "deleted" | "purged" } & Actions) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const render = useMessage();
  const onChange = useCallback(
    (v: JobView) => {
      setView(v);
      if (v.ended) router.refresh();
    },
    [router],
  );
  const r = (view.result ?? {}) as MediaResult;
  const history = (
    <Link href={r.purgeRecord ? `/jobs/purges/${r.purgeRecord}` : "/jobs/purges"} className="underline">
      See it in the purge history
    </Link>
  );
  if (!view.ended) {
    return (
      <div className="flex flex-col gap-1">
        <JobProgress initial={view} label="Media job" unit={`files ${unit}`} cancel={cancel} resume={resume} onChange={onChange} />
        <p className="text-sm text-muted">It continues on the server if you close this page or the portal restarts. {history}</p>
      </div>
    );
  }
  const n = r.filesDeleted ?? 0;
  const files = `${formatCount(n)} ${n === 1 ? "file" : "files"} ${unit}`;
  const bytes = r.bytesFreed !== null && r.bytesFreed !== undefined ? `, ${formatBytes(r.bytesFreed)} freed` : "";
  if (view.status === "completed") {
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
      <p className="font-medium text-danger">{view.status === "failed" ? `Failed: ${view.message ? render(view.message) : "unknown error"}` : view.message ? render(view.message) : "Cancelled."}</p>
      {n > 0 && (
        <p className="text-sm">
          Before that: {files}
          {bytes}.
        </p>
      )}
      <p className="text-sm">{history}</p>
    </div>
  );
}
