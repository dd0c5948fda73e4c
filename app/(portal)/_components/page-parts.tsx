// Small pieces every portal page uses. Server components.
import Link from "next/link";

/** A page-level failure (Synapse refused or could not be reached, or the id in the URL is not one). */
export function ErrorCard({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="card border-danger-line text-danger">
      {message}
    </p>
  );
}

/** Previous/next links for a list whose page number is carried in the URL. */
export function Pager({
  page,
  pages,
  href,
  previous = "Previous",
  next = "Next",
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  previous?: string;
  next?: string;
}) {
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
