import Link from "next/link";

/** A user ID linking to the user's page (the users section). */
export function UserLink({ userId }: { userId: string }) {
  return (
    <Link href={`/users/${encodeURIComponent(userId)}`} className="underline">
      {userId}
    </Link>
  );
}

/** Column headings of a plain list table. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead className="border-b border-line text-muted">
      <tr>
        {columns.map((c) => (
          <th key={c} className="py-2 pr-3">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Previous / next page links of a numbered list. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
      {page > 1 && <Link href={href(page - 1)}>← Previous</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>Next →</Link>}
    </nav>
  );
}
