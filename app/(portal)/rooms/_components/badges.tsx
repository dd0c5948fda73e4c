// Room badges; shared by the list and the room header.
import { useTranslations } from "next-intl";

export type BadgeFlags = { published: boolean; encrypted: boolean; space: boolean; blocked: boolean | null };

const STYLE = {
  published: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  encrypted: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  space: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  blocked: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

export function RoomBadges({ flags }: { flags: BadgeFlags }) {
  const t = useTranslations("rooms.badges");
  const shown = (Object.keys(STYLE) as (keyof typeof STYLE)[])
    .filter((key) => flags[key])
    .map((key) => ({ key, text: t(`text.${key}`), title: t(`title.${key}`) }));
  return (
    <span className="inline-flex flex-wrap gap-1">
      {shown.map((b) => (
        <span key={b.key} title={b.title} data-testid={`badge-${b.key}`} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[b.key]}`}>
          {b.text}
        </span>
      ))}
    </span>
  );
}
