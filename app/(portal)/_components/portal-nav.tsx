"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/users", label: "Users" },
  { href: "/rooms", label: "Rooms" },
  { href: "/media", label: "Media" },
  { href: "/reports", label: "Reports" },
  { href: "/jobs", label: "Jobs" },
  { href: "/server", label: "Server" },
  { href: "/audit", label: "Audit" },
];
const OWNER_ITEMS = [{ href: "/settings", label: "Settings" }];

export function PortalNav({ owner }: { owner: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
      {[...ITEMS, ...(owner ? OWNER_ITEMS : [])].map((item) => {
        const active = pathname === item.href || pathname.startsWith(item.href + "/");
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ${active ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
