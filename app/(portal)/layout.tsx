import { readAdminSession, requireAdmin } from "@/lib/auth/require-admin";
import { getServerVersionCached } from "@/lib/synapse/discovery";
import { logoutAction } from "../(auth)/logout/actions";
import { PortalNav } from "./_components/portal-nav";
import { RoleProvider } from "./_components/role";
import { personLabel } from "@/lib/gate-rules";
import { LocaleSwitcher } from "@/app/_i18n/locale-switcher";
import { getTranslations } from "next-intl/server";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function PortalLayout({ children }: { children: React.ReactNode }) {
  const { homeserver } = await readAdminSession();
  const [admin, version, t] = await Promise.all([requireAdmin(), getServerVersionCached(homeserver).catch(() => null), getTranslations("header")]);
  const role = t(`roles.${admin.role}`);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-line bg-surface px-4 py-3">
        <a href="/" className="font-semibold">
          {t("title")}
        </a>
        <PortalNav owner={admin.role === "owner"} />
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          {admin.person && (
            <span data-testid="header-person" title={t("roleTitle", { role })}>
              {personLabel(admin.person)} · <span className="text-muted">{role}</span>
            </span>
          )}
          <span data-testid="header-user" className="font-medium">
            {admin.actor}
          </span>
          <span className="text-muted" data-testid="header-homeserver">
            {admin.homeserver}
          </span>
          {admin.delegated && (
            <a href="/mas" className="rounded bg-canvas px-2 py-0.5 text-muted underline" title={t("masDelegatedTitle")}>
              {t("masDelegated")}
            </a>
          )}
          <span className="rounded bg-canvas px-2 py-0.5 text-muted" data-testid="header-version">
            {version ? t("version", { version }) : t("versionUnknown")}
          </span>
          <LocaleSwitcher />
          <form action={logoutAction}>
            <button type="submit" className="btn-secondary py-1">
              {t("signOut")}
            </button>
          </form>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <RoleProvider role={admin.role}>{children}</RoleProvider>
      </main>
    </div>
  );
}

export default withClientMessages("layout:(portal)", PortalLayout);
