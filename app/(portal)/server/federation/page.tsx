import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { DESTINATIONS_READ_CAP, listDestinations } from "@/lib/synapse/federation";
import {
  DESTINATION_SORTS,
  DESTINATIONS_PAGE_SIZE,
  destinationHref,
  destinationListHref,
  destinationListQuerySchema,
  failingFirst,
  formatInterval,
} from "@/lib/schemas/federation";
import { getTranslations } from "next-intl/server";
import { getMessageRenderer } from "@/lib/i18n/server";
import { DataTable, Pager } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { readForPage, type PageProps } from "@/app/(portal)/_components/page-read";
import { LocalTime } from "../_components/local-time";

export default async function FederationPage({ searchParams }: Pick<PageProps<object>, "searchParams">) {
  const admin = await requireAdmin();
  const t = await getTranslations("server.federation");
  const render = await getMessageRenderer();
  const q = destinationListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listDestinations(admin.creds, { search: q.q, sort: q.sort, dir: q.dir }), "federation destinations read");
  const all = failingFirst(list.data?.destinations ?? []);
  const failing = all.filter((d) => d.failureTs !== null).length;
  const pages = Math.max(1, Math.ceil(all.length / DESTINATIONS_PAGE_SIZE));
  const rows = all.slice((q.page - 1) * DESTINATIONS_PAGE_SIZE, q.page * DESTINATIONS_PAGE_SIZE);

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <FilterForm label={t("filter")} clearHref="/server/federation" submit={t("apply")}>
        <TextFilter name="q" label={t("contains")} value={q.q} placeholder="matrix.org" grow />
        <SelectFilter name="sort" label={t("sortBy")} value={q.sort} options={Object.fromEntries(DESTINATION_SORTS.map((s) => [s, t(`sorts.${s}`)]))} />
        <SelectFilter name="dir" label={t("order")} value={q.dir} options={{ b: t("newestFirst"), f: t("oldestFirst") }} />
      </FilterForm>
      <ErrorCard message={list.error} />
      <p className="text-sm text-muted" data-testid="destinations-summary">
        {t("summary", { count: all.length, failing })}
        {list.data?.truncated && ` ${t("truncated", { cap: DESTINATIONS_READ_CAP, total: list.data.total })}`}
      </p>
      <DataTable
        columns={[t("server"), t("state"), t("sorts.failure_ts"), t("sorts.retry_last_ts"), t("sorts.retry_interval")]}
        rowCount={rows.length}
        empty={t("empty")}
      >
            {rows.map((d) => (
              <tr key={d.destination} className="border-b border-line" data-testid="destination-row" data-destination={d.destination}>
                <td className="py-2 pr-3 font-mono break-all">
                  <Link href={destinationHref(d.destination)} className="underline">
                    {d.destination}
                  </Link>
                </td>
                <td className="py-2 pr-3" data-testid="destination-state">
                  {t(d.failureTs !== null ? "failing" : "ok")}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  <LocalTime ms={d.failureTs} />
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  <LocalTime ms={d.retryLastTs} />
                </td>
                <td className="py-2 pr-3" data-testid="destination-retry-interval">
                  {render(formatInterval(d.retryIntervalMs))}
                </td>
              </tr>
            ))}
      </DataTable>
      <Pager page={q.page} pages={pages} href={(p) => destinationListHref(q, { page: p })} />
    </div>
  );
}
