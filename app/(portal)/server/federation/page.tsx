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
import { attempt } from "@/app/(portal)/_components/attempt";
import { TableHead } from "@/app/(portal)/_components/links";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { ErrorCard, Pager } from "@/app/(portal)/_components/page-parts";
import { LocalTime } from "../_components/local-time";

export default async function FederationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = destinationListQuerySchema.parse(await searchParams);
  const list = await attempt(() => listDestinations(admin.creds, { search: q.q, sort: q.sort, dir: q.dir }));
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
        {formatCount(all.length)} servers, {formatCount(failing)} failing. Failing servers come first.
        {list.data?.truncated && ` Only the first ${formatCount(DESTINATIONS_READ_CAP)} of ${formatCount(list.data.total)} are shown.`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <TableHead columns={["Server", "State", "Failing since", "Last failed attempt", "Retry interval"]} />
          <tbody>
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
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="py-6 text-center text-muted">
                  No destinations match. Synapse lists a server here once it has tried to talk to it.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager page={q.page} pages={pages} href={(p) => destinationListHref(q, { page: p })} />
    </div>
  );
}
