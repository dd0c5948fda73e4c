"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/server/registration-tokens", label: "Registration tokens" },
  { href: "/server/federation", label: "Federation" },
  { href: "/server/background-updates", label: "Background updates" },
  { href: "/server/scheduled-tasks", label: "Scheduled tasks" },
  { href: "/server/notices", label: "Notices" },
];

/** The Server section's pages. */
export function ServerTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Server" className="flex flex-wrap gap-1 border-b border-line text-sm">
      {TABS.map((t) => {
        const active = pathname === t.href || pathname.startsWith(t.href + "/");
        return (
          <Link key={t.href} href={t.href} aria-current={active ? "page" : undefined} className={`rounded-t-md px-3 py-1.5 ${active ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
