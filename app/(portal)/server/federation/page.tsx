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
import { formatCount } from "@/lib/format";
import { DataTable, Pager } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { readForPage, type PageProps } from "@/app/(portal)/_components/page-read";
import { LocalTime } from "../_components/local-time";

export default async function FederationPage({ searchParams }: Pick<PageProps<object>, "searchParams">) {
  const admin = await requireAdmin();
  const q = destinationListQuerySchema.parse(await searchParams);
  const list = await readForPage(() => listDestinations(admin.creds, { search: q.q, sort: q.sort, dir: q.dir }), "federation destinations read");
  const all = failingFirst(list.data?.destinations ?? []);
  const failing = all.filter((d) => d.failureTs !== null).length;
  const pages = Math.max(1, Math.ceil(all.length / DESTINATIONS_PAGE_SIZE));
  const rows = all.slice((q.page - 1) * DESTINATIONS_PAGE_SIZE, q.page * DESTINATIONS_PAGE_SIZE);

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">Federation destinations</h2>
      <FilterForm label="Filter destinations" clearHref="/server/federation" submit="Apply">
        <TextFilter name="q" label="Server name contains" value={q.q} placeholder="matrix.org" grow />
        <SelectFilter name="sort" label="Sort by" value={q.sort} options={DESTINATION_SORTS} />
        <SelectFilter name="dir" label="Order" value={q.dir} options={{ b: "Newest / largest first", f: "Oldest / smallest first" }} />
      </FilterForm>
      <ErrorCard message={list.error} />
      <p className="text-sm text-muted" data-testid="destinations-summary">
        {formatCount(all.length)} {all.length === 1 ? "server" : "servers"}, {formatCount(failing)} failing. Failing servers come first.
        {list.data?.truncated && ` Only the first ${formatCount(DESTINATIONS_READ_CAP)} of ${formatCount(list.data.total)} are shown.`}
      </p>
      <DataTable
        columns={["Server", "State", "Failing since", "Last failed attempt", "Retry interval"]}
        rowCount={rows.length}
        empty="No destinations match. Synapse lists a server here once it has tried to talk to it."
      >
            {rows.map((d) => (
              <tr key={d.destination} className="border-b border-line" data-testid="destination-row" data-destination={d.destination}>
                <td className="py-2 pr-3 font-mono break-all">
                  <Link href={destinationHref(d.destination)} className="underline">
                    {d.destination}
                  </Link>
                </td>
                <td className="py-2 pr-3" data-testid="destination-state">
                  {d.failureTs !== null ? "Failing" : "OK"}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  <LocalTime ms={d.failureTs} />
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  <LocalTime ms={d.retryLastTs} />
                </td>
                <td className="py-2 pr-3" data-testid="destination-retry-interval">
                  {formatInterval(d.retryIntervalMs)}
                </td>
              </tr>
            ))}
      </DataTable>
      <Pager page={q.page} pages={pages} href={(p) => destinationListHref(q, { page: p })} />
    </div>
  );
}
