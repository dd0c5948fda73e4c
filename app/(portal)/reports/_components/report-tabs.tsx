import Link from "next/link";
import { formatCount } from "@/lib/format";
import { REPORTS_READ_CAP } from "@/lib/synapse/reports";
import { REPORT_SORTS, REPORT_STATUSES } from "@/lib/schemas/reports";
import { USER_REPORT_SORTS } from "@/lib/schemas/user-reports";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

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

/** Each inbox's filter: its name, its sort choices and its text filters (by query key). */
const FILTERS = {
  events: {
    label: "Filter reports",
    sorts: REPORT_SORTS,
    texts: [{ name: "room", label: "Room ID", placeholder: "!abc:example.org" }, { name: "sender", label: "Sender", placeholder: "@spammer:example.org" }],
  },
  users: {
    label: "Filter user reports",
    sorts: USER_REPORT_SORTS,
    texts: [{ name: "target", label: "Reported user", placeholder: "@spammer:example.org" }, { name: "reporter", label: "Reporter", placeholder: "@alice:example.org" }],
  },
} as const;

/** An inbox's filter: the resolved-state and sort choices, then the list's own text filters. */
export function InboxFilter({ current, q }: { current: (typeof TABS)[number]["id"]; q: { status: string; sort: string } & Partial<Record<string, unknown>> }) {
  const f = FILTERS[current];
  const path = TABS.find((t) => t.id === current)!.href;
  return (
    <FilterForm label={f.label} clearHref={path} submit="Apply" action={path}>
      <SelectFilter name="status" label="Status" value={q.status} options={REPORT_STATUSES} />
      <SelectFilter name="sort" label="Sort" value={q.sort} options={f.sorts} />
      {f.texts.map((t) => (
        <TextFilter key={t.name} {...t} value={typeof q[t.name] === "string" ? (q[t.name] as string) : undefined} />
      ))}
    </FilterForm>
  );
}
