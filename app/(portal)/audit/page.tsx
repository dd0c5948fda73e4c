import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { AUDIT_STARTED, forHomeserver } from "@/lib/db/tenant";
import { AUDIT_FILTER_KEYS, AUDIT_PAGE_SIZE, auditFilterOf, auditQuerySchema } from "@/lib/schemas/audit";
import { getFormat, getMessageRenderer } from "@/lib/i18n/server";
import { DateRangeFilter, FilterForm, LogTotal, TextFilter } from "../_components/filter-form";
import { DataTable, listHref, Pager } from "@/app/(portal)/_components/data-table";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("metaTitle") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = auditQuerySchema.parse(await searchParams);
  const { rows, total } = await forHomeserver(admin.homeserver).audit.list(auditFilterOf(q), { skip: (q.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  const filterSearch = listHref("/audit/export", q, [...AUDIT_FILTER_KEYS]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const t = await getTranslations("audit");
  const f = await getFormat();
  const render = await getMessageRenderer();
  const columns = [t("col.time"), t("col.person"), t("col.actor"), t("col.action"), t("col.target"), t("col.params"), t("col.outcome")];

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <FilterForm label={t("filter")} clearHref="/audit">
        <TextFilter name="person" label={t("col.person")} value={q.person} placeholder={t("personPlaceholder")} />
        <TextFilter name="actor" label={t("col.actor")} value={q.actor} placeholder="@alice:example.org" />
        <TextFilter name="action" label={t("col.action")} value={q.action} placeholder="session.login" />
        <TextFilter name="target" label={t("col.target")} value={q.target} />
        <DateRangeFilter from={q.from} to={q.to} />
      </FilterForm>
      <div className="flex flex-wrap items-center gap-3">
        <LogTotal total={total} testId="audit-total" />
        <a href={filterSearch} className="btn-secondary ml-auto py-1.5 text-sm" download>
          {t("export")}
        </a>
      </div>
      <DataTable columns={columns} rowCount={rows.length} empty={t("empty")}>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-line align-top" data-testid="audit-row">
            <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(r.createdAt)}</td>
            <td className="py-2 pr-3" data-testid="audit-person">
              {r.personEmail ?? r.personName ?? <span className="text-muted">—</span>}
              {r.personEmail && r.personName && <div className="text-xs text-muted">{r.personName}</div>}
            </td>
            <td className="py-2 pr-3" data-testid="audit-actor">
              {r.actor}
              <div className="text-xs text-muted">{r.homeserver}</div>
            </td>
            <td className="py-2 pr-3 font-mono">{r.action}</td>
            <td className="py-2 pr-3">{r.target ?? ""}</td>
            <td className="py-2 pr-3 font-mono text-xs break-all">{r.params ? JSON.stringify(r.params) : ""}</td>
            <td className="py-2 pr-3">
              {r.outcome === AUDIT_STARTED ? (
                // Written before the action ran and never completed: still running, or the portal stopped midway.
                <span className="text-amber-700 dark:text-amber-300">{t("noOutcome")}</span>
              ) : (
                <span className={r.outcome === "ok" ? "text-ok" : "text-danger"}>{r.outcome}</span>
              )}
              {r.message && <div className="text-xs text-muted">{render(r.message)}</div>}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager page={q.page} pages={pages} href={(page) => listHref("/audit", { ...q, page }, [...AUDIT_FILTER_KEYS, "page"])} previous={t("newer")} next={t("older")} />
    </section>
  );
}
