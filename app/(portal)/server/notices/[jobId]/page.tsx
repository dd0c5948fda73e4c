import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NOTICE_BROADCAST_KIND } from "@/lib/jobs/notice-broadcast";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import { readUserJobPage, UserJobPanel } from "@/app/(portal)/_components/user-job-panel";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function BroadcastPage(props: PageProps<{ jobId: string }>) {
  const { job, pages } = await readUserJobPage(props, NOTICE_BROADCAST_KIND);
  const { view } = job;
  const t = await getTranslations("server.notices.job");
  const p = job.params as { text?: string; audience?: string; filter?: string; includeAppservice?: boolean };

  return (
    <div className="flex flex-col gap-4">
      <Link href="/server/notices" className="text-sm hover:underline">
        {t("back")}
      </Link>
      <h2 className="text-lg font-semibold">{t("title", { id: view.id })}</h2>
      <p className="text-sm text-muted">
        {t("startedBy", { who: view.startedBy })}
        {view.cancelledBy ? t("cancelledBy", { who: view.cancelledBy }) : ""} · {p.audience === "all" ? t("toAll") : t("toFilter", { filter: p.filter ?? "" })}
        {t(p.includeAppservice ? "appserviceIncluded" : "appserviceLeftOut")}
      </p>
      <blockquote className="card whitespace-pre-wrap" data-testid="broadcast-text">
        {p.text}
      </blockquote>
      <UserJobPanel job={job} pages={pages} path={`/server/notices/${view.id}`} okWord={t("okWord")} cancel={cancelJobAction} resume={resumeJobAction} />
    </div>
  );
}

export default withClientMessages("(portal)/server/notices/[jobId]", BroadcastPage);
