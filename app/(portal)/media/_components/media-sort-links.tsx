import Link from "next/link";
import type { UserMediaQuery } from "@/lib/schemas/media";

const LABELS: Record<UserMediaQuery["sort"], string> = {
  created_ts: "Uploaded",
  last_access_ts: "Last access",
  media_length: "Size",
  media_type: "Type",
  upload_name: "Name",
};

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
  return (
    <nav aria-label="Sort files" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">Sort by</span>
      {(Object.keys(LABELS) as UserMediaQuery["sort"][]).map((col) => {
        const active = col === sort;
        return (
          <Link
            key={col}
            href={href(col, active && dir === "desc" ? "asc" : "desc")}
            aria-current={active ? "true" : undefined}
            className={`rounded px-2 py-0.5 ${active ? "bg-accent text-accent-ink" : "hover:bg-canvas"}`}
          >
            {LABELS[col]}
            {active && (dir === "asc" ? " ▲" : " ▼")}
          </Link>
        );
      })}
    </nav>
  );
}
