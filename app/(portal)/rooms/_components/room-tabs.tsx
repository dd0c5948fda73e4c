"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The room pages' tabs; links to other sections (media, reports) leave the room pages. */
export function RoomTabs({ roomId, isSpace }: { roomId: string; isSpace: boolean }) {
  const pathname = usePathname();
  const base = `/rooms/${encodeURIComponent(roomId)}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/members`, label: "Members" },
    { href: `${base}/state`, label: "State" },
    { href: `${base}/messages`, label: "Messages" },
    { href: `${base}/extremities`, label: "Forward extremities" },
    { href: `${base}/tasks`, label: "Scheduled tasks" },
    ...(isSpace ? [{ href: `${base}/hierarchy`, label: "Space hierarchy" }] : []),
    { href: `/media/rooms/${encodeURIComponent(roomId)}`, label: "Media in the room" },
    { href: `/reports?room=${encodeURIComponent(roomId)}`, label: "Reports" },
  ];
  const current = decodeURIComponent(pathname);
  return (
    <nav aria-label="Room" className="flex flex-wrap gap-1 border-b border-line text-sm">
      {tabs.map((t) => {
        const active = decodeURIComponent(t.href) === current;
        return (
          <Link key={t.href} href={t.href} aria-current={active ? "page" : undefined} className={`rounded-t-md px-3 py-1.5 ${active ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
