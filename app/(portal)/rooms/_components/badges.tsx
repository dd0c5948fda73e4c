// Room badges; shared by the list and the room header.
export type BadgeFlags = { published: boolean; encrypted: boolean; space: boolean; blocked: boolean | null };

const STYLE = {
  published: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  encrypted: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  space: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  blocked: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

export function RoomBadges({ flags }: { flags: BadgeFlags }) {
  const shown = [
    flags.published && { key: "published", text: "Public", title: "Published in the room directory" },
    flags.encrypted && { key: "encrypted", text: "Encrypted", title: "End-to-end encrypted" },
    flags.space && { key: "space", text: "Space", title: "A space (a room that groups rooms)" },
    flags.blocked && { key: "blocked", text: "Blocked", title: "Blocked on this server: nobody can join" },
  ].filter(Boolean) as { key: keyof typeof STYLE; text: string; title: string }[];
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
