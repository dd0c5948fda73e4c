import Link from "next/link";

export type SortDir = "asc" | "desc";

/** The direction a click on a column asks for: the other way on the sorted column, else the column's first. */
export const nextSortDir = (active: boolean, dir: SortDir, first: SortDir): SortDir => (active ? (dir === "asc" ? "desc" : "asc") : first);

/**
 * A column header that sorts its list (the URL carries the order). Without `href` the column does not sort.
 * The arrow is part of the link's name, so "Members ▼" says which column sorts which way.
 */
export function SortHeader({ label, href, sorted, align }: { label: string; href?: string; sorted?: SortDir | null; align?: "right" }) {
  return (
    <th
      className={`py-2 pr-3 whitespace-nowrap ${align === "right" ? "text-right" : ""}`}
      aria-sort={href && sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
    >
      {href ? (
        <Link href={href} className="hover:underline">
          {label}
          {sorted ? (sorted === "asc" ? " ▲" : " ▼") : ""}
        </Link>
      ) : (
        label
      )}
    </th>
  );
}
