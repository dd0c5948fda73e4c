import Link from "next/link";

export type NoticeMessage = { ok: boolean; text: string };

/** The outcome of an action: a polite status when it worked, an alert when it did not. */
export function Notice({ message }: { message: NoticeMessage | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}>
      {message.text}
    </p>
  );
}

/** A page-level failure (Synapse refused, or the input in the URL is not an id). */
export function ErrorCard({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="card border-red-400 text-red-800 dark:text-red-200">
      {message}
    </p>
  );
}

/** Previous/next links; the URL carries the page. */
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
