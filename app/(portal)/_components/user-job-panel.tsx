import { useTranslations } from "next-intl";
import { useFormat, useMessage } from "@/lib/i18n/hooks";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { readUserJob, RESULT_PAGE_SIZE, sectionHref, sectionPages, statusSentence, type SectionKey, type UserJobPage } from "@/lib/jobs/user-job-view";
import type { ActionResult } from "@/lib/result";
import type { PageProps } from "./page-read";
import { JobUserItems } from "./job-items";
import { LiveJob } from "./live-job";

/** A user-job page's read: the job of kind `kind` named by the `jobId` param on this admin's homeserver, or 404. */
export async function readUserJobPage({ params, searchParams }: PageProps<{ jobId: string }>, kind: string) {
  const admin = await requireAdmin();
  const id = Number((await params).jobId);
  const pages = sectionPages(await searchParams);
  const job = Number.isInteger(id) && id > 0 ? await readUserJob(admin.homeserver, id, kind, pages) : null;
  if (!job) notFound();
  return { job, pages };
}

type JobAction = (raw: { jobId: number }) => Promise<ActionResult<unknown>>;

/**
 * The page body of a job whose items are users (bulk action, broadcast): live progress with Cancel/Resume,
 * the counts and status in words, then the per-user results by outcome, a page at a time.
 */
export function UserJobPanel(props: {
  job: UserJobPage;
  pages: Record<SectionKey, number>;
  path: string;
  okWord: string;
  cancel: JobAction;
  resume: JobAction;
  /** What the items are (a room job reuses this panel): its unit and where each item links. */
  items?: "users" | "rooms";
}) {
  const unit = props.items ?? "users";
  const { view, sections } = props.job;
  const t = useTranslations("jobs.bulk");
  const f = useFormat();
  const render = useMessage();
  const n = (k: "ok" | "failed" | "skipped") => view.items[k] ?? 0;
  return (
    <>
      <div className="card flex flex-col gap-2">
        <LiveJob initial={view} label={t("progress")} unit={t(`unit.${unit}`)} cancel={props.cancel} resume={props.resume} />
        <p className="text-sm" data-testid="bulk-summary">
          {t("summary", {
            done: f.count(view.done),
            total: view.total === null ? "?" : f.count(view.total),
            listing: view.phase === "listing users" ? "yes" : "no",
            ok: n("ok"),
            okWord: props.okWord,
            failed: n("failed"),
            skipped: n("skipped"),
          })}
        </p>
        <p className="text-sm font-medium" data-testid="bulk-status">
          {render(statusSentence(view, unit))}
        </p>
      </div>
      {sections.map((s) => (
        <JobUserItems key={s.key} title={render(s.title)} rows={s.rows} total={s.total} page={s.page} pageSize={RESULT_PAGE_SIZE} href={sectionHref(props.path, props.pages, s.key)} items={unit} />
      ))}
    </>
  );
}
