import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import { readUserJobPage, UserJobPanel } from "./user-job-panel";
import type { PageProps } from "./page-read";

/** The page of a bulk action's job (users or rooms): back link, title from its action, who started it, the panel. */
export async function BulkJobPage(props: {
  page: PageProps<{ jobId: string }>;
  kind: string;
  back: { href: string; label: string };
  title: (action: string | undefined) => string;
  items: "users" | "rooms";
}) {
  const { job, pages } = await readUserJobPage(props.page, props.kind);
  const { view } = job;
  const path = `${props.back.href}/bulk/${view.id}`;
  const t = await getTranslations("jobs.bulk");
  return (
    <section className="flex flex-col gap-4">
      <Link href={props.back.href} className="text-sm hover:underline">
        ← {props.back.label}
      </Link>
      <h1 className="text-2xl font-semibold">{props.title((job.params as { action?: string }).action)}</h1>
      <p className="text-sm text-muted">
        {view.cancelledBy
          ? t("facts.cancelled", { id: String(view.id), startedBy: view.startedBy, cancelledBy: view.cancelledBy })
          : t("facts.running", { id: String(view.id), startedBy: view.startedBy })}
      </p>
      <UserJobPanel job={job} pages={pages} path={path} okWord={t("succeeded")} cancel={cancelJobAction} resume={resumeJobAction} items={props.items} />
    </section>
  );
}
