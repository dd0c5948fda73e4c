import Link from "next/link";
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

export default async function PurgeHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = purgeHistoryQuerySchema.parse(await searchParams);
  const { rows, total } = await forHomeserver(admin.homeserver).purges.list(purgeFilterOf(q), { skip: (q.page - 1) * PURGE_PAGE_SIZE, take: PURGE_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PURGE_PAGE_SIZE));

  return (
    <section className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/jobs">Jobs</Link> / purge history
      </nav>
      <h1 className="text-2xl font-semibold">Purge history</h1>
      <p className="text-sm text-muted">Every media deletion, remote cache purge, bulk media action, room deletion and history purge made through the portal.</p>
      <FilterForm
        label="Filter purge history"
        clearHref="/jobs/purges"
        after={
          <a href={listHref("/jobs/purges/export", q, FILTER_KEYS)} className="btn-secondary py-1.5" download>
            Export CSV
          </a>
        }
      >
        <SelectFilter name="kind" label="Kind" value={q.kind} any="any" options={Object.fromEntries(PURGE_KINDS.map((k) => [k, PURGE_KIND_LABELS[k]]))} />
        <SelectFilter name="status" label="Outcome" value={q.status} any="any" options={{ ok: "ok", failed: "failed", running: "running" }} />
        <TextFilter name="actor" label="Who" value={q.actor} placeholder="@alice:example.org" />
        <TextFilter name="target" label="Target" value={q.target} placeholder="user or room id" />
        <DateRangeFilter from={q.from} to={q.to} />
      </FilterForm>
      <LogTotal total={total} testId="purge-total" />
      <PurgeRows rows={rows} />
      <Pager page={q.page} pages={pages} href={(page) => listHref("/jobs/purges", { ...q, page }, [...FILTER_KEYS, "page"])} previous="Newer" next="Older" />
    </section>
  );
}
