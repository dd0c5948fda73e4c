import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listPurgeRecords } from "@/lib/db/purge-history";
import { isJobLive } from "@/lib/jobs/media-purges";
import { formatCount } from "@/lib/format";
import {
  PURGE_KIND_LABELS,
  PURGE_KINDS,
  PURGE_PAGE_SIZE,
  purgeFilterOf,
  purgeHistoryQuerySchema,
  type PurgeHistoryQuery,
} from "@/lib/schemas/media";
import { PurgeRows } from "./_components/purge-rows";

export default async function PurgeHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const q = purgeHistoryQuerySchema.parse(await searchParams);
  const { rows, total } = await listPurgeRecords(purgeFilterOf(q), { skip: (q.page - 1) * PURGE_PAGE_SIZE, take: PURGE_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PURGE_PAGE_SIZE));
  const filters = filterParams(q);

  return (
    <section className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/jobs">Jobs</Link> / purge history
      </nav>
      <h1 className="text-2xl font-semibold">Purge history</h1>
      <p className="text-sm text-muted">Every media deletion, remote cache purge, bulk media action, room deletion and history purge made through the portal.</p>
      <form method="get" className="card flex flex-wrap items-end gap-3 text-sm" aria-label="Filter purge history">
        <label className="flex flex-col gap-1">
          <span>Kind</span>
          <select name="kind" defaultValue={q.kind ?? ""} className="field">
            <option value="">any</option>
            {PURGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {PURGE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>Outcome</span>
          <select name="status" defaultValue={q.status ?? ""} className="field">
            <option value="">any</option>
            <option value="ok">ok</option>
            <option value="failed">failed</option>
            <option value="running">running</option>
          </select>
        </label>
        <Filter name="actor" label="Who" value={q.actor} placeholder="@alice:example.org" />
        <Filter name="target" label="Target" value={q.target} placeholder="user or room id" />
        <Filter name="from" label="From" value={q.from} type="date" />
        <Filter name="to" label="To" value={q.to} type="date" />
        <button type="submit" className="btn-primary py-1.5">
          Filter
        </button>
        <Link href="/jobs/purges" className="btn-secondary py-1.5">
          Clear
        </Link>
        <a href={`/jobs/purges/export${filters.size ? `?${filters}` : ""}`} className="btn-secondary py-1.5" download>
          Export CSV
        </a>
      </form>
      <p className="text-sm text-muted" data-testid="purge-total">
        {formatCount(total)} {total === 1 ? "entry" : "entries"}, newest first
      </p>
      <PurgeRows rows={rows.map((r) => ({ ...r, live: isJobLive(r.id) }))} />
      <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
        {q.page > 1 && <Link href={pageHref(filters, q.page - 1)}>← Newer</Link>}
        <span>
          Page {q.page} of {pages}
        </span>
        {q.page < pages && <Link href={pageHref(filters, q.page + 1)}>Older →</Link>}
      </nav>
    </section>
  );
}

function filterParams(q: PurgeHistoryQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["kind", "status", "actor", "target", "from", "to"] as const) if (q[key]) p.set(key, q[key]!);
  return p;
}

function pageHref(filters: URLSearchParams, page: number): string {
  const p = new URLSearchParams(filters);
  p.set("page", String(page));
  return `/jobs/purges?${p}`;
}

function Filter(props: { name: string; label: string; value?: string; placeholder?: string; type?: string }) {
  return (
    <label className="flex flex-col gap-1">
      <span>{props.label}</span>
      <input name={props.name} type={props.type ?? "text"} defaultValue={props.value ?? ""} placeholder={props.placeholder} className="field" />
    </label>
  );
}
