import { NavTabs } from "@/app/(portal)/_components/nav-tabs";

/** The room pages' tabs; links to other sections (media, reports) leave the room pages. */
export function RoomTabs({ roomId, isSpace }: { roomId: string; isSpace: boolean }) {
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
  return <NavTabs label="Room" items={tabs} exact />;
}
