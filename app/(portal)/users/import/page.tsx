import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { can } from "@/lib/roles";
import { getEnv } from "@/lib/env";
import { serverNameOf } from "@/lib/matrix/mxid";
import { ImportForm } from "./_components/import-form";
import { withClientMessages } from "@/app/_i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("metaTitle") };
}

const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

async function ImportUsersPage() {
  const admin = await requireAdmin();
  const t = await getTranslations("import");
  return (
    <section className="flex flex-col gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm text-muted">
        <Link href="/users">{t("breadcrumbUsers")}</Link> / {t("breadcrumbHere")}
      </nav>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="card flex flex-col gap-2 text-sm">
        <p>
          {t.rich("intro", {
            code,
            strong: (chunks) => <strong>{chunks}</strong>,
            server: serverNameOf(admin.actor),
          })}
        </p>
        <p>
          <a href="/api/imports/template" download className="underline">
            {t("template")}
          </a>{" "}
          ·{" "}
          {t.rich("runsOnServer", {
            jobs: (chunks) => (
              <Link href="/jobs" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      {can(admin.role, "operator") ? (
        <ImportForm maxBytes={getEnv().IMPORT_MAX_BYTES} />
      ) : (
        <p className="card text-sm" role="status">
          {t("roleTooLow", { role: admin.role })}
        </p>
      )}
    </section>
  );
}

export default withClientMessages("(portal)/users/import", ImportUsersPage);
