import { requireAdmin } from "@/lib/auth/require-admin";
import { AUDIT_STARTED, forHomeserver } from "@/lib/db/tenant";
import { AUDIT_FILTER_KEYS, AUDIT_PAGE_SIZE, auditFilterOf, auditQuerySchema } from "@/lib/schemas/audit";
import { formatDateTime } from "@/lib/format";
import { DateRangeFilter, FilterForm, LogTotal, TextFilter } from "../_components/filter-form";
import { DataTable, listHref, Pager } from "@/app/(portal)/_components/data-table";

const AUDIT_COLUMNS = ["Time", "Person", "Actor (MXID)", "Action", "Target", "Parameters", "Outcome"];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = auditQuerySchema.parse(await searchParams);
  const { rows, total } = await forHomeserver(admin.homeserver).audit.list(auditFilterOf(q), { skip: (q.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  const filterSearch = listHref("/audit/export", q, [...AUDIT_FILTER_KEYS]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <FilterForm label="Filter audit entries" clearHref="/audit">
        <TextFilter name="person" label="Person" value={q.person} placeholder="name or e-mail" />
        <TextFilter name="actor" label="Actor (MXID)" value={q.actor} placeholder="@alice:example.org" />
        <TextFilter name="action" label="Action" value={q.action} placeholder="session.login" />
        <TextFilter name="target" label="Target" value={q.target} />
        <DateRangeFilter from={q.from} to={q.to} />
      </FilterForm>
      <div className="flex flex-wrap items-center gap-3">
        <LogTotal total={total} testId="audit-total" />
        <a href={filterSearch} className="btn-secondary ml-auto py-1.5 text-sm" download>
          Export CSV
        </a>
      </div>
      <DataTable columns={AUDIT_COLUMNS} rowCount={rows.length} empty="No entries match.">
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-line align-top" data-testid="audit-row">
            <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
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
                <span className="text-amber-700 dark:text-amber-300">no outcome (running or interrupted)</span>
              ) : (
                <span className={r.outcome === "ok" ? "text-ok" : "text-danger"}>{r.outcome}</span>
              )}
              {r.message && <div className="text-xs text-muted">{r.message}</div>}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager page={q.page} pages={pages} href={(page) => listHref("/audit", { ...q, page }, [...AUDIT_FILTER_KEYS, "page"])} previous="Newer" next="Older" />
    </section>
  );
}
