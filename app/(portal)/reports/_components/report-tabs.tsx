import Link from "next/link";

const TABS = [
  { id: "events", href: "/reports", label: "Reported events" },
  { id: "users", href: "/reports/users", label: "Reported users" },
] as const;

/** The triage inbox has two lists: reports about events and reports about users. */
export function ReportTabs({ current }: { current: (typeof TABS)[number]["id"] }) {
  return (
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
  );
}
