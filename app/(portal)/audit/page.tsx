import { requireAdmin } from "@/lib/auth/require-admin";
import { AUDIT_STARTED, forHomeserver } from "@/lib/db/tenant";
import { AUDIT_PAGE_SIZE, auditQuerySchema } from "@/lib/schemas/audit";
import { formatDateTime } from "@/lib/format";
import { DateRangeFilter, FilterForm, LogTotal, TextFilter } from "../_components/filter-form";
import { DataTable, listHref, Pager } from "@/app/(portal)/_components/data-table";

const DAY_MS = 24 * 60 * 60 * 1000;
const AUDIT_COLUMNS = ["Time", "Actor", "Action", "Target", "Parameters", "Outcome"];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const q = auditQuerySchema.parse(await searchParams);
  const { rows, total } = await forHomeserver(admin.homeserver).audit.list(
    {
      actor: q.actor || undefined,
      action: q.action || undefined,
      target: q.target || undefined,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
    },
    { skip: (q.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE },
  );
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <FilterForm label="Filter audit entries" clearHref="/audit">
        <TextFilter name="actor" label="Actor" value={q.actor} placeholder="@alice:example.org" />
        <TextFilter name="action" label="Action" value={q.action} placeholder="session.login" />
        <TextFilter name="target" label="Target" value={q.target} />
        <DateRangeFilter from={q.from} to={q.to} />
      </FilterForm>
      <LogTotal total={total} testId="audit-total" />
      <DataTable columns={AUDIT_COLUMNS} rowCount={rows.length} empty="No entries match.">
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-line align-top" data-testid="audit-row">
            <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
            <td className="py-2 pr-3">
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
      <Pager page={q.page} pages={pages} href={(page) => listHref("/audit", { ...q, page }, ["actor", "action", "target", "from", "to", "page"])} previous="Newer" next="Older" />
    </section>
  );
}
