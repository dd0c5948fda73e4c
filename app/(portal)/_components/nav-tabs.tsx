"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/**
 * The portal's one row of navigation links: the main menu (`menu`) and each section's tabs. The current link gets
 * aria-current="page": by default the path or a path below it, `exact` the same path (IDs compared decoded), or the
 * item whose href is `current` (tabs chosen by the query string).
 */
export function NavTabs({ label, items, menu = false, exact = false, current }: { label: string; items: NavItem[]; menu?: boolean; exact?: boolean; current?: string }) {
  const pathname = usePathname();
  const isActive = (href: string) => {
    if (current !== undefined) return href === current;
    if (exact) return decodeURIComponent(href) === decodeURIComponent(pathname);
    return pathname === href || pathname.startsWith(href + "/");
  };
  return (
    <nav aria-label={label} className={`flex flex-wrap gap-1 text-sm ${menu ? "" : "border-b border-line"}`}>
      {items.map((t) => {
        const active = isActive(t.href);
        return (
          <Link key={t.href} href={t.href} aria-current={active ? "page" : undefined} className={`${menu ? "rounded-md" : "rounded-t-md"} px-3 py-1.5 ${active ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
