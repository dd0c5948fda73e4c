"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState, type ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { useFormat, useMessage } from "@/lib/i18n/hooks";
import type { JobView } from "@/lib/jobs/jobs";
import { JobProgress } from "./job-progress";

type MediaResult = { purgeRecord?: number; filesDeleted?: number; bytesFreed?: number | null };
type Actions = Pick<ComponentProps<typeof JobProgress>, "cancel" | "resume">;

/**
 * Follows a media deletion or purge (a job of the runtime, run on whichever instance holds it) with the
 * runtime's panel until it ends; then says what it did and refreshes the page's data.
 */
export function PurgeProgress({ initial, unit = "deleted", cancel, resume }: { initial: JobView; unit?: "deleted" | "purged" } & Actions) {
  const router = useRouter();
  const t = useTranslations("jobs.purgeProgress");
  const f = useFormat();
  const render = useMessage();
  const [view, setView] = useState(initial);
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
      {t("history")}
    </Link>
  );
  if (!view.ended) {
    return (
      <div className="flex flex-col gap-1">
        <JobProgress initial={view} label={t("label")} unit={t(`unit.${unit}`)} cancel={cancel} resume={resume} onChange={onChange} />
        <p className="text-sm text-muted">
          {t("continues")} {history}
        </p>
      </div>
    );
  }
  const n = r.filesDeleted ?? 0;
  const freed = r.bytesFreed !== null && r.bytesFreed !== undefined ? f.bytes(r.bytesFreed) : "none";
  const files = t("files", { count: n, unit, freed });
  if (view.status === "completed") {
    return (
      <div role="status" className="flex flex-col gap-1" data-testid="job-result">
        <p className="font-medium text-ok">
          {t("done", { files })}
        </p>
        <p className="text-sm">{history}</p>
      </div>
    );
  }
  return (
    <div role="alert" className="flex flex-col gap-1" data-testid="job-result">
      <p className="font-medium text-danger">{view.status === "failed" ? t("failed", { message: view.message ? render(view.message) : t("unknownError") }) : view.message ? render(view.message) : t("cancelled")}</p>
      {n > 0 && (
        <p className="text-sm">
          {t("before", { files })}
        </p>
      )}
      <p className="text-sm">{history}</p>
    </div>
  );
}
