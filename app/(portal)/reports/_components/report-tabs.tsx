import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import { REPORTS_READ_CAP } from "@/lib/synapse/reports";
import { REPORT_SORTS, REPORT_STATUSES, type ReportSort, type ReportStatus } from "@/lib/schemas/reports";
import { USER_REPORT_SORTS } from "@/lib/schemas/user-reports";
import { FilterForm, SelectFilter, TextFilter } from "@/app/(portal)/_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

const TABS = [
  { id: "events", href: "/reports" },
  { id: "users", href: "/reports/users" },
] as const;

/** The triage inbox has two lists, reports about events and reports about users: the tabs, then the list's title. */
export function ReportTabs({ current }: { current: (typeof TABS)[number]["id"] }) {
  const t = useTranslations("reports");
  return (
    <>
      <nav aria-label={t("tabs.label")} className="flex flex-wrap gap-1 border-b border-line text-sm">
        {TABS.map((tab) => (
          <Link
            key={tab.id}
            href={tab.href}
            aria-current={tab.id === current ? "page" : undefined}
            className={`rounded-t-md px-3 py-1.5 ${tab.id === current ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}
          >
            {t(tab.id === "events" ? "events.title" : "users.title")}
          </Link>
        ))}
      </nav>
      <h1 className="text-2xl font-semibold">{t(current === "events" ? "events.title" : "users.title")}</h1>
    </>
  );
}

/** The line under an inbox's filter: how many reports (in `scope`: the filters' phrases), how many unresolved, and whether the read was capped. */
export function InboxSummary(props: {
  testId: string;
  count: number;
  scope: (string | false | undefined)[];
  unresolved: number;
  list: { data: { truncated: boolean; total: number } | null; error: string | null };
}) {
  const t = useTranslations("reports.summary");
  const f = useFormat();
  const list = props.list.data;
  const scope = props.scope.filter(Boolean).map((s) => ` ${s}`).join("");
  return (
    <>
      <ErrorCard message={props.list.error} />
      <p className="text-sm text-muted" data-testid={props.testId}>
        {t("line", { count: props.count, total: f.count(props.count), scope, unresolved: f.count(props.unresolved) })}
        {list?.truncated && ` ${t("capped", { cap: f.count(REPORTS_READ_CAP), total: f.count(list.total) })}`}
      </p>
    </>
  );
}

/** Each inbox's filter: its sort choices and its text filters (by query key; labels: reports.filter.<name>). */
const FILTERS = {
  events: {
    sorts: REPORT_SORTS,
    texts: [{ name: "room", placeholder: "!abc:example.org" }, { name: "sender", placeholder: "@spammer:example.org" }],
  },
  users: {
    sorts: USER_REPORT_SORTS,
    texts: [{ name: "target", placeholder: "@spammer:example.org" }, { name: "reporter", placeholder: "@alice:example.org" }],
  },
} as const;

/** An inbox's filter: the resolved-state and sort choices, then the list's own text filters. */
export function InboxFilter({ current, q }: { current: (typeof TABS)[number]["id"]; q: { status: string; sort: string } & Partial<Record<string, unknown>> }) {
  const t = useTranslations("reports");
  const f = FILTERS[current];
  const path = TABS.find((tab) => tab.id === current)!.href;
  const options = (keys: readonly string[], word: (k: string) => string) => Object.fromEntries(keys.map((k) => [k, word(k)]));
  return (
    <FilterForm label={t(current === "events" ? "events.filter" : "users.filter")} clearHref={path} submit={t("filter.apply")} action={path}>
      <SelectFilter name="status" label={t("columns.status")} value={q.status} options={options(REPORT_STATUSES, (k) => t(`statuses.${k as ReportStatus}`))} />
      <SelectFilter name="sort" label={t("filter.sort")} value={q.sort} options={options(f.sorts, (k) => t(`sorts.${k as ReportSort}`))} />
      {f.texts.map((x) => (
        <TextFilter key={x.name} name={x.name} label={t(`filter.${x.name}`)} placeholder={x.placeholder} value={typeof q[x.name] === "string" ? (q[x.name] as string) : undefined} />
      ))}
    </FilterForm>
  );
}
