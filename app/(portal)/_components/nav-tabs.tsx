"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";

export type NavItem = { href: string; label: string };

/**
 * The portal's one row of navigation links: the main menu (`menu`) and each section's tabs. The current link gets
 * aria-current="page": by default the path or a path below it, `exact` the same path (IDs compared decoded), or the
 * item whose href is `current` (tabs chosen by the query string). On a phone the main menu folds behind a
 * disclosure button (`menu.toggle` is its name); section tabs wrap instead.
 */
export function NavTabs({ label, items, menu, exact = false, current }: { label: string; items: NavItem[]; menu?: { toggle: string }; exact?: boolean; current?: string }) {
  const pathname = usePathname();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const isActive = (href: string) => {
    if (current !== undefined) return href === current;
    if (exact) return decodeURIComponent(href) === decodeURIComponent(pathname);
    return pathname === href || pathname.startsWith(href + "/");
  };
  const links = items.map((t) => {
    const active = isActive(t.href);
    return (
      <Link key={t.href} href={t.href} aria-current={active ? "page" : undefined} onClick={() => setOpen(false)} className={`${menu ? "rounded-md" : "rounded-t-md"} px-3 py-1.5 ${active ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}>
        {t.label}
      </Link>
    );
  });
  if (!menu) {
    return (
      <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-line text-sm">
        {links}
      </nav>
    );
  }
  return (
    <nav aria-label={label} className="text-sm max-md:w-full">
      <button type="button" className="btn-secondary py-1 md:hidden" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">☰ </span>
        {menu.toggle}
      </button>
      <div id={listId} className={`${open ? "mt-2 flex flex-col" : "hidden"} gap-1 md:flex md:flex-row md:flex-wrap`}>
        {links}
      </div>
    </nav>
  );
}
