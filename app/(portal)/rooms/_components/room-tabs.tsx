import { useTranslations } from "next-intl";
import { NavTabs } from "@/app/(portal)/_components/nav-tabs";

/** The room pages' tabs; links to other sections (media, reports) leave the room pages. */
export function RoomTabs({ roomId, isSpace }: { roomId: string; isSpace: boolean }) {
  const t = useTranslations("room.tabs");
  const base = `/rooms/${encodeURIComponent(roomId)}`;
  const tabs = [
    { href: base, label: t("overview") },
    { href: `${base}/members`, label: t("members") },
    { href: `${base}/state`, label: t("state") },
    { href: `${base}/messages`, label: t("messages") },
    { href: `${base}/extremities`, label: t("extremities") },
    { href: `${base}/tasks`, label: t("tasks") },
    ...(isSpace ? [{ href: `${base}/hierarchy`, label: t("hierarchy") }] : []),
    { href: `/media/rooms/${encodeURIComponent(roomId)}`, label: t("media") },
    { href: `/reports?room=${encodeURIComponent(roomId)}`, label: t("reports") },
  ];
  return <NavTabs label={t("label")} items={tabs} exact />;
}
