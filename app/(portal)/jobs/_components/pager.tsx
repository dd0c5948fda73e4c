import Link from "next/link";

/** Previous/next links for a list whose page number is carried in the URL. */
export function Pager({ page, pages, href, previous, next }: { page: number; pages: number; href: (page: number) => string; previous: string; next: string }) {
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
      {page > 1 && <Link href={href(page - 1)}>← {previous}</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>{next} →</Link>}
    </nav>
  );
}
