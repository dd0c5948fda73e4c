import Link from "next/link";
import type { ReactNode } from "react";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

/** The frame of a room's or a user's media page: breadcrumb, heading, the read's error, then the page. */
export function MediaScopePage({ crumb, title, error, children }: { crumb: string; title: string; error: string | null; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/media">Media</Link> / {crumb}
      </nav>
      <h1 className="text-2xl font-semibold break-all">{title}</h1>
      <ErrorCard message={error} />
      {children}
    </section>
  );
}
