import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { allowedHomeserverChoices } from "@/lib/auth/homeserver-policy";
import { requireGate } from "@/lib/auth/gate";
import { personLabel } from "@/lib/gate-rules";
import { LoginForm } from "./_components/login-form";
import { TokenLoginForm } from "./_components/token-login-form";
import { LocaleSwitcher } from "@/app/_i18n/locale-switcher";

export const metadata: Metadata = { title: "Sign in · Synapse Admin Portal" };

const NOTICES: Record<string, string> = {
  "session-ended": "Your session ended (the access token was logged out or stopped working). Sign in again.",
  "signed-out": "You are signed out. The portal's access token was revoked on the homeserver.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  // Behind the organisation gate (when on): strangers never see even this form.
  const person = await requireGate();
  const session = await getSession();
  if (session.accessToken) redirect("/");
  const params = await searchParams;
  const notice = params.reason ? NOTICES[params.reason] : undefined;
  const ssoError = params.error ? String(params.error).slice(0, 300) : undefined;
  const choices = allowedHomeserverChoices();

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <header>
        <div className="flex items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold">Synapse Admin Portal</h1>
          <LocaleSwitcher />
        </div>
        <p className="text-sm text-muted">Sign in with a server admin account.</p>
        {person && (
          <p className="text-sm text-muted" data-testid="gate-person">
            Signed in to the portal as {personLabel(person)} ({person.role}).
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
