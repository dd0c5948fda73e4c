import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { can } from "@/lib/roles";
import { listMediaUsage, type MediaUsage } from "@/lib/synapse/media";
import { getLocalMediaTotals } from "@/lib/synapse/server-stats";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { USAGE_PAGE_SIZE, usageQuerySchema, type UsageQuery } from "@/lib/schemas/media";
import { UsageChart } from "./_components/usage-chart";
import { DeleteMediaFlow } from "./_components/delete-media-dialog";
import { PurgeRemoteFlow } from "./_components/purge-remote-dialog";
import { DialogButton } from "@/app/(portal)/_components/dialog";
import { nextSortDir, SortHeader } from "../_components/sort-header";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { EmptyRow, Pager } from "@/app/(portal)/_components/data-table";
import { withClientMessages } from "@/app/_i18n/client-messages";

const TOP_USERS = 10;

async function MediaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const t = await getTranslations("media");
  const f = await getFormat();
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
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="ml-auto flex flex-wrap gap-2">
          {can(admin.role, "owner") && (
            <>
              <DialogButton label={t("deleteOld")} title={t("deleteTitle")} className="btn-primary">
                <DeleteMediaFlow />
              </DialogButton>
              <DialogButton label={t("purgeRemoteButton")} title={t("purgeRemoteTitle")} className="btn-secondary">
                <PurgeRemoteFlow />
              </DialogButton>
            </>
          )}
          <Link href="/jobs/purges" className="btn-secondary">
            {t("purgeHistory")}
          </Link>
        </div>
      </div>
      <ErrorCard message={error} />
      {data && (
        <>
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <div className="card">
              <dt className="text-sm text-muted">{t("totals.bytes")}</dt>
              <dd className="text-2xl font-semibold" data-testid="media-total-bytes" data-raw={data.totals.mediaBytes}>
                {f.bytes(data.totals.mediaBytes)}
              </dd>
            </div>
            <div className="card">
              <dt className="text-sm text-muted">{t("totals.files")}</dt>
              <dd className="text-2xl font-semibold" data-testid="media-total-files">
                {f.count(data.totals.mediaFiles)}
              </dd>
            </div>
            <div className="card">
              <dt className="text-sm text-muted">{t("totals.users")}</dt>
              <dd className="text-2xl font-semibold">{f.count(data.totals.mediaUsers)}</dd>
            </div>
          </dl>
          <UsageChart users={data.top} totalBytes={data.totals.mediaBytes} />

          <h2 className="text-lg font-semibold">{t("usage.title")}</h2>
          <form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label={t("usage.filterLabel")}>
            <label className="flex flex-col gap-1">
              <span>{t("usage.search")}</span>
              <input name="q" defaultValue={q.q ?? ""} placeholder={t("usage.searchPlaceholder")} className="field" />
            </label>
            <input type="hidden" name="sort" value={q.sort} />
            <input type="hidden" name="dir" value={q.dir} />
            <button type="submit" className="btn-primary py-1.5">
              {t("usage.searchButton")}
            </button>
            {q.q && (
              <Link href={href({ q: undefined, page: 1 })} className="btn-secondary py-1.5">
                {t("usage.clear")}
              </Link>
            )}
          </form>
          <p className="text-sm text-muted">{t("usage.count", { count: data.total })}</p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label={t("usage.tableLabel")}>
              <thead className="border-b border-line text-muted">
                <tr>
                  {sortHeader(t("usage.user"), "user_id")}
                  {sortHeader(t("usage.displayName"), "displayname")}
                  {sortHeader(t("usage.files"), "media_count", "right")}
                  {sortHeader(t("usage.size"), "media_length", "right")}
                  <th className="py-2 pr-3 text-right">{t("usage.share")}</th>
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
                    <td className="py-2 pr-3 text-right tabular-nums">{f.count(u.files)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums" data-raw={u.bytes}>
                      {f.bytes(u.bytes)}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {data!.totals.mediaBytes > 0 ? t("usage.percent", { share: u.bytes / data!.totals.mediaBytes }) : "—"}
                    </td>
                  </tr>
                ))}
                {data.rows.length === 0 && <EmptyRow colSpan={5} text={t("usage.empty")} />}
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

export default withClientMessages("(portal)/media", MediaPage);
