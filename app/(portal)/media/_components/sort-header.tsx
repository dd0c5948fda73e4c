import Link from "next/link";

/** A column header that sorts the list by this column (the URL carries the order); a second click reverses it. */
export function SortHeader<C extends string>(props: {
  label: string;
  column: C;
  sort: C;
  dir: "asc" | "desc";
  href: (sort: C, dir: "asc" | "desc") => string;
  align?: "right";
}) {
  const active = props.sort === props.column;
  const next = active && props.dir === "desc" ? "asc" : "desc";
  return (
    <th className={`py-2 pr-3 ${props.align === "right" ? "text-right" : ""}`} aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={props.href(props.column, next)} className="hover:underline">
        {props.label}
        {active && <span aria-hidden="true">{props.dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
}
