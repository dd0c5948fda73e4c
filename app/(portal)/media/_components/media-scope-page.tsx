import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

/** The frame of a room's or a user's media page: breadcrumb, heading, the read's error, then the page. */
export function MediaScopePage({ crumb, title, error, children }: { crumb: "user" | "room"; title: string; error: string | null; children: ReactNode }) {
  const t = useTranslations("media.scope");
  return (
    <section className="flex flex-col gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm text-muted">
        <Link href="/media">{t("media")}</Link> / {t(crumb)}
      </nav>
      <h1 className="text-2xl font-semibold break-all">{title}</h1>
      <ErrorCard message={error} />
      {children}
    </section>
  );
}
