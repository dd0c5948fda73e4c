import Link from "next/link";
import { formatCount } from "@/lib/format";
import { REPORTS_READ_CAP } from "@/lib/synapse/reports";
import { REPORT_STATUSES } from "@/lib/schemas/reports";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

type TextFilterProps = Parameters<typeof TextFilter>[0];

const TABS = [
  { id: "events", href: "/reports", label: "Reported events" },
  { id: "users", href: "/reports/users", label: "Reported users" },
] as const;

/** The triage inbox has two lists, reports about events and reports about users: the tabs, then the list's title. */
export function ReportTabs({ current }: { current: (typeof TABS)[number]["id"] }) {
  return (
    <>
      <nav aria-label="Report lists" className="flex flex-wrap gap-1 border-b border-line text-sm">
        {TABS.map((t) => (
          <Link
            key={t.id}
            href={t.href}
            aria-current={t.id === current ? "page" : undefined}
            className={`rounded-t-md px-3 py-1.5 ${t.id === current ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <h1 className="text-2xl font-semibold">{TABS.find((t) => t.id === current)?.label}</h1>
    </>
  );
}

/** The line under an inbox's filter: how many reports (in `scope`), how many unresolved, and whether the read was capped. */
export function InboxSummary(props: {
  testId: string;
  count: number;
  scope: string;
  unresolved: number;
  list: { data: { truncated: boolean; total: number } | null; error: string | null };
}) {
  const list = props.list.data;
  return (
    <>
      <ErrorCard message={props.list.error} />
      <p className="text-sm text-muted" data-testid={props.testId}>
        {formatCount(props.count)} reports{props.scope}, {formatCount(props.unresolved)} unresolved. Unresolved reports come first.
        {list?.truncated && ` Only the newest ${formatCount(REPORTS_READ_CAP)} of ${formatCount(list.total)} are shown.`}
      </p>
    </>
  );
}

/** An inbox's filter: the resolved-state and sort choices, then the list's own text filters. */
export function InboxFilter(props: { label: string; path: string; q: { status: string; sort: string }; sorts: Record<string, string>; filters: TextFilterProps[] }) {
  return (
    <FilterForm label={props.label} clearHref={props.path} submit="Apply" action={props.path}>
      <SelectFilter name="status" label="Status" value={props.q.status} options={REPORT_STATUSES} />
      <SelectFilter name="sort" label="Sort" value={props.q.sort} options={props.sorts} />
      {props.filters.map((f) => (
        <TextFilter key={f.name} {...f} />
      ))}
    </FilterForm>
  );
}
