"use client";
// Last resort for a page that failed unexpectedly; expected failures are shown by the pages themselves.
import { useTranslations } from "next-intl";

export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <section role="alert" className="card flex flex-col items-start gap-3">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-muted">{t("text")}</p>
      <button type="button" className="btn-primary" onClick={reset}>
        {t("retry")}
      </button>
    </section>
  );
}
