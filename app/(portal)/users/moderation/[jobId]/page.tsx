import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat, getMessageRenderer } from "@/lib/i18n/server";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { getJobView } from "@/lib/jobs/jobs";
import { MODERATION_KINDS } from "@/lib/jobs/moderation-start";
import { CLEANUP_STEPS, type CleanupStep } from "@/lib/schemas/moderation";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ModerationJobPanel } from "../../_components/moderation-job-panel";
import { withClientMessages } from "@/app/_i18n/client-messages";

/** The kinds' titles and units are moderation.job.kinds.<kind> in the catalogue. */
const KINDS = { "user.redact": "redact", "user.spam-cleanup": "cleanup" } as const;
const ITEMS_SHOWN = 1000;

export async function generateMetadata({ params }: PageProps<{ jobId: string }>) {
  const t = await getTranslations("moderation.job");
  return { title: t("metaTitle", { id: (await params).jobId }) };
}

/** One moderation job: its progress, and every item (a user, or a user's step) with its own result. */
async function ModerationJobPage({ params }: PageProps<{ jobId: string }>) {
  const admin = await requireAdmin();
  const raw = (await params).jobId;
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : null;
  const view = id ? await getJobView(admin.homeserver, id, MODERATION_KINDS) : null;
  if (!id || !view) notFound();
  const items = (await forHomeserver(admin.homeserver).jobs.listItems(id, {}, { skip: 0, take: ITEMS_SHOWN }))!;
  const t = await getTranslations("moderation.job");
  const { dateTime } = await getFormat();
  const render = await getMessageRenderer();
  const kind = KINDS[view.kind as keyof typeof KINDS] ?? "redact";
  const title = t(`kinds.${kind}.title`);
  return (
    <section className="flex flex-col gap-4">
      <Link href="/users" className="text-sm">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">
        {t("heading", { title, id: view.id })}
      </h1>
      <p className="text-sm text-muted">
        {t("startedBy", { who: view.startedBy, at: dateTime(new Date(view.createdAt)) })}
      </p>
      <ModerationJobPanel initial={view} label={title} unit={t(`kinds.${kind}.unit`)} />
      <DataTable columns={[t("columns.user"), t("columns.step"), t("columns.result"), t("columns.message")]} rowCount={items.rows.length} empty={t("empty")}>
        {items.rows.map((i) => {
          const at = i.key.lastIndexOf("#");
          const [user, step] = view.kind === "user.spam-cleanup" && at > 0 ? [i.key.slice(0, at), i.key.slice(at + 1)] : [i.key, "redact"];
          return (
            <tr key={i.id} className="border-b border-line align-top" data-testid="job-item" data-status={i.status}>
              <td className="py-2 pr-3 font-mono text-xs break-all">{user}</td>
              <td className="py-2 pr-3">{CLEANUP_STEPS.includes(step as CleanupStep) ? t(`steps.${step as CleanupStep}`) : step}</td>
              <td className="py-2 pr-3">{t(`statuses.${i.status}`)}</td>
              <td className="py-2 pr-3 break-words text-xs">{i.message ? render(i.message) : ""}</td>
            </tr>
          );
        })}
      </DataTable>
      {items.total > ITEMS_SHOWN && <p className="text-sm text-muted">{t("truncated", { shown: ITEMS_SHOWN, total: items.total })}</p>}
    </section>
  );
}

export default withClientMessages("(portal)/users/moderation/[jobId]", ModerationJobPage);
