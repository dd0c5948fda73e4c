import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import {
  PURGE_KIND_LABELS,
  PURGE_KINDS,
  PURGE_PAGE_SIZE,
  purgeFilterOf,
  purgeHistoryQuerySchema,
} from "@/lib/schemas/media";
import { PurgeRows } from "./_components/purge-rows";
import { DateRangeFilter, FilterForm, LogTotal, SelectFilter, TextFilter } from "../../_components/filter-form";
import { listHref, Pager } from "@/app/(portal)/_components/data-table";

const FILTER_KEYS = ["kind", "status", "actor", "target", "from", "to"] as const;

export async function generateMetadata() {
  const t = await getTranslations("jobs.purges");
  return { title: t("metaTitle") };
}

export default async function PurgeHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = purgeHistoryQuerySchema.parse(await searchParams);
  const { rows, total } = await forHomeserver(admin.homeserver).purges.list(purgeFilterOf(q), { skip: (q.page - 1) * PURGE_PAGE_SIZE, take: PURGE_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PURGE_PAGE_SIZE));
  const t = await getTranslations("jobs.purges");

  return (
    <section className="flex flex-col gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm text-muted">
        <Link href="/jobs">{t("breadcrumbJobs")}</Link> / {t("breadcrumbHere")}
      </nav>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted">{t("intro")}</p>
      <FilterForm
        label={t("filter")}
        clearHref="/jobs/purges"
        after={
          <a href={listHref("/jobs/purges/export", q, FILTER_KEYS)} className="btn-secondary py-1.5" download>
            {t("export")}
          </a>
        }
      >
        <SelectFilter name="kind" label={t("kind")} value={q.kind} any={t("any")} options={Object.fromEntries(PURGE_KINDS.map((k) => [k, PURGE_KIND_LABELS[k]]))} />
        <SelectFilter name="status" label={t("outcome")} value={q.status} any={t("any")} options={{ ok: t("status.ok"), failed: t("status.failed"), running: t("status.running") }} />
        <TextFilter name="actor" label={t("who")} value={q.actor} placeholder="@alice:example.org" />
        <TextFilter name="target" label={t("target")} value={q.target} placeholder={t("targetPlaceholder")} />
        <DateRangeFilter from={q.from} to={q.to} />
      </FilterForm>
      <LogTotal total={total} testId="purge-total" />
      <PurgeRows rows={rows} />
      <Pager page={q.page} pages={pages} href={(page) => listHref("/jobs/purges", { ...q, page }, [...FILTER_KEYS, "page"])} previous={t("newer")} next={t("older")} />
    </section>
  );
}
