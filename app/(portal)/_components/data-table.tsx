// The portal's list tables: heading row, the row that says nothing matched, the pager, and the URL of a page.
// Server components (client tables such as the users table use TableHead and EmptyRow too).
import Link from "next/link";
import { useTranslations } from "next-intl";

export type Column = string | { label: string; align?: "right" };

const labelOf = (c: Column) => (typeof c === "string" ? c : c.label);

/** Column headings of a plain list table. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead className="border-b border-line text-muted">
      <tr>
        {columns.map((c) => (
          <th key={labelOf(c)} className={`py-2 pr-3 ${typeof c !== "string" && c.align === "right" ? "text-right" : ""}`}>
            {labelOf(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The one row a table shows when nothing matches. */
export function EmptyRow({ colSpan, text }: { colSpan: number; text: string }) {
  return (
    <tr>
      <td colSpan={colSpan} className="py-6 text-center text-muted">
        {text}
      </td>
    </tr>
  );
}

/** A list table: headings, the rows (children), and `empty` when there are none. */
export function DataTable({ columns, rowCount, empty, label, children }: { columns: Column[]; rowCount: number; empty: string; label?: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label={label}>
        <TableHead columns={columns} />
        <tbody>
          {children}
          {rowCount === 0 && <EmptyRow colSpan={columns.length} text={empty} />}
        </tbody>
      </table>
    </div>
  );
}

/** Previous/next links for a list whose page number is carried in the URL. */
export function Pager({
  page,
  pages,
  href,
  previous,
  next,
  of,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  previous?: string;
  next?: string;
  /** What is paged, where a page has more than one pager (landmarks need names of their own). */
  of?: string;
}) {
  const t = useTranslations("kit.pager");
  return (
    <nav aria-label={of ? t("labelOf", { list: of }) : t("label")} className="flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)}>
          <span aria-hidden="true">← </span>
          {previous ?? t("previous")}
        </Link>
      )}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages && (
        <Link href={href(page + 1)}>
          {next ?? t("next")}
          <span aria-hidden="true"> →</span>
        </Link>
      )}
    </nav>
  );
}

/** The URL of a filtered list: the set `keys` of `q`, in that order (empty ones left out), on `path`. */
export function listHref<Q extends object>(path: string, q: Q, keys: readonly (keyof Q & string)[]): string {
  const p = new URLSearchParams();
  for (const key of keys) {
    const v = q[key];
    if (v !== undefined && v !== null && v !== "") p.set(key, String(v));
  }
  const search = p.toString();
  return search ? `${path}?${search}` : path;
}
