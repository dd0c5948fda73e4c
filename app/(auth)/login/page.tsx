import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { allowedHomeserverChoices } from "@/lib/auth/homeserver-policy";
import { requireGate } from "@/lib/auth/gate";
import { personLabel } from "@/lib/gate-rules";
import { LoginForm } from "./_components/login-form";
import { TokenLoginForm } from "./_components/token-login-form";
import { LocaleSwitcher } from "@/app/_i18n/locale-switcher";
import { parseMessage } from "@/lib/i18n/message";
import { getMessageRenderer } from "@/lib/i18n/server";
import { withClientMessages } from "@/app/_i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("metaTitle") };
}

const NOTICES = ["session-ended", "signed-out"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (r: string | undefined): r is Notice => (NOTICES as readonly string[]).includes(r ?? "");

/**
 * The SSO/OAuth routes' ?error=: a message reference of the errors namespace (code and values), worded here in the
 * reader's language. Only keys of that namespace are rendered, so a crafted link can only show one of our sentences.
 */
async function errorFromUrl(raw: string | undefined): Promise<string | undefined> {
  if (!raw) return undefined;
  const t = await getTranslations("errors");
  const key = parseMessage(raw)?.key;
  if (!key?.startsWith("errors.") || !t.has(key.slice("errors.".length) as Parameters<typeof t.has>[0])) return t("UNEXPECTED");
  return (await getMessageRenderer())(raw);
}

async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  // Behind the organisation gate (when on): strangers never see even this form.
  const person = await requireGate();
  const session = await getSession();
  if (session.accessToken) redirect("/");
  const params = await searchParams;
  const t = await getTranslations("login");
  const notice = isNotice(params.reason) ? t(`notices.${params.reason}`) : undefined;
  const ssoError = await errorFromUrl(params.error);
  const choices = allowedHomeserverChoices();

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <header>
        <div className="flex items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <LocaleSwitcher />
        </div>
        <p className="text-sm text-muted">{t("intro")}</p>
        {person && (
          <p className="text-sm text-muted" data-testid="gate-person">
            {t("gatePerson", { person: personLabel(person) ?? "", role: (await getTranslations("header"))(`roles.${person.role}`) })}
          </p>
        )}
      </header>
      {notice && (
        <p role="status" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {notice}
        </p>
      )}
      {ssoError && (
        <p role="alert" className="rounded-md border border-danger-line bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {ssoError}
        </p>
      )}
      <LoginForm homeservers={choices} />
      <TokenLoginForm homeservers={choices} />
    </main>
  );
}

export default withClientMessages("(auth)/login", LoginPage);
