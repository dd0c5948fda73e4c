import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { can } from "@/lib/roles";
import { listMediaUsage, type MediaUsage } from "@/lib/synapse/media";
import { getLocalMediaTotals } from "@/lib/synapse/server-stats";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { formatBytes, formatCount } from "@/lib/format";
import { USAGE_PAGE_SIZE, usageQuerySchema, type UsageQuery } from "@/lib/schemas/media";
import { UsageChart } from "./_components/usage-chart";
import { DeleteMediaFlow } from "./_components/delete-media-dialog";
import { PurgeRemoteFlow } from "./_components/purge-remote-dialog";
import { DialogButton } from "@/app/(portal)/_components/dialog";
import { nextSortDir, SortHeader } from "../_components/sort-header";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { EmptyRow, Pager } from "@/app/(portal)/_components/data-table";

const TOP_USERS = 10;

export default async function MediaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = usageQuerySchema.parse(await searchParams);
  const { data, error } = await readForPage(async () => {
    const [totals, top, page] = await Promise.all([
      getLocalMediaTotals(admin.creds),
      listMediaUsage(admin.creds, { from: 0, limit: TOP_USERS, orderBy: "media_length", dir: "desc" }),
      listMediaUsage(admin.creds, { from: (q.page - 1) * USAGE_PAGE_SIZE, limit: USAGE_PAGE_SIZE, orderBy: q.sort, dir: q.dir, search: q.q }),
    ]);
    return { totals, top: top.users, rows: page.users, total: page.total };
  }, "media usage read");
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / USAGE_PAGE_SIZE));
  const href = (patch: Partial<UsageQuery>) => usageHref({ ...q, ...patch });
  const sortHeader = (label: string, sort: UsageQuery["sort"], align?: "right") => (
    <SortHeader label={label} align={align} sorted={q.sort === sort ? q.dir : null} href={href({ sort, dir: nextSortDir(q.sort === sort, q.dir, "desc"), page: 1 })} />
  );

  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Media</h1>
        <div className="ml-auto flex flex-wrap gap-2">
          {can(admin.role, "owner") && (
            <>
              <DialogButton label="Delete old media…" title="Delete media" className="btn-primary">
                <DeleteMediaFlow />
              </DialogButton>
              <DialogButton label="Purge remote media cache…" title="Purge remote media cache" className="btn-secondary">
                <PurgeRemoteFlow />
              </DialogButton>
            </>
          )}
          <Link href="/jobs/purges" className="btn-secondary">
            Purge history
          </Link>
        </div>
      </div>
      <ErrorCard message={error} />
      {data && (
        <>
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <div className="card">
              <dt className="text-sm text-muted">Local media on the server</dt>
              <dd className="text-2xl font-semibold" data-testid="media-total-bytes" data-raw={data.totals.mediaBytes}>
                {formatBytes(data.totals.mediaBytes)}
              </dd>
            </div>
            <div className="card">
              <dt className="text-sm text-muted">Files</dt>
              <dd className="text-2xl font-semibold" data-testid="media-total-files">
                {formatCount(data.totals.mediaFiles)}
              </dd>
            </div>
            <div className="card">
              <dt className="text-sm text-muted">Users with media</dt>
              <dd className="text-2xl font-semibold">{formatCount(data.totals.mediaUsers)}</dd>
            </div>
          </dl>
          <UsageChart users={data.top} totalBytes={data.totals.mediaBytes} />

          <h2 className="text-lg font-semibold">Usage by user</h2>
          <form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Filter the usage table">
            <label className="flex flex-col gap-1">
              <span>Search users</span>
              <input name="q" defaultValue={q.q ?? ""} placeholder="name or display name" className="field" />
            </label>
            <input type="hidden" name="sort" value={q.sort} />
            <input type="hidden" name="dir" value={q.dir} />
            <button type="submit" className="btn-primary py-1.5">
              Search
            </button>
            {q.q && (
              <Link href={href({ q: undefined, page: 1 })} className="btn-secondary py-1.5">
                Clear
              </Link>
            )}
          </form>
          <p className="text-sm text-muted">{formatCount(data.total)} users</p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label="Media usage by user">
              <thead className="border-b border-line text-muted">
                <tr>
                  {sortHeader("User", "user_id")}
                  {sortHeader("Display name", "displayname")}
                  {sortHeader("Files", "media_count", "right")}
                  {sortHeader("Size", "media_length", "right")}
                  <th className="py-2 pr-3 text-right">Share</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((u) => (
                  <tr key={u.userId} className="border-b border-line" data-testid="usage-row">
                    <td className="py-2 pr-3">
                      <Link href={`/media/users/${encodeURIComponent(u.userId)}`} className="underline-offset-2 hover:underline">
                        {u.userId}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{u.displayname ?? ""}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatCount(u.files)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums" data-raw={u.bytes}>
                      {formatBytes(u.bytes)}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {data!.totals.mediaBytes > 0 ? `${((u.bytes / data!.totals.mediaBytes) * 100).toFixed(1)}%` : "—"}
                    </td>
                  </tr>
                ))}
                {data.rows.length === 0 && <EmptyRow colSpan={5} text="No users match." />}
              </tbody>
            </table>
          </div>
          <Pager page={q.page} pages={pages} href={(page) => href({ page })} />
        </>
      )}
    </section>
  );
}

function usageHref(q: UsageQuery): string {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  p.set("sort", q.sort);
  p.set("dir", q.dir);
  if (q.page > 1) p.set("page", String(q.page));
  return `/media?${p}`;
}
