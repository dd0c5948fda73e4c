import Link from "next/link";
import { useTranslations } from "next-intl";
import { USER_MEDIA_ORDER, type UserMediaQuery } from "@/lib/schemas/media";

/** Sort choices for a media list; the URL carries them. */
export function MediaSortLinks({
  sort,
  dir,
  href,
}: {
  sort: UserMediaQuery["sort"];
  dir: UserMediaQuery["dir"];
  href: (sort: UserMediaQuery["sort"], dir: UserMediaQuery["dir"]) => string;
}) {
  const t = useTranslations("media.sort");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">{t("by")}</span>
      {USER_MEDIA_ORDER.map((col) => {
        const active = col === sort;
        return (
          <Link
            key={col}
            href={href(col, active && dir === "desc" ? "asc" : "desc")}
            aria-current={active ? "true" : undefined}
            className={`rounded px-2 py-0.5 ${active ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}
          >
            {t(`columns.${col}`)}
            {active && (dir === "asc" ? " ▲" : " ▼")}
          </Link>
        );
      })}
    </nav>
  );
}
