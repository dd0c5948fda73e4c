import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getMessageRenderer } from "@/lib/i18n/server";
import { redirect } from "next/navigation";
import { readGate } from "@/lib/auth/gate";
import { getEnv } from "@/lib/env";
import { logoutAction } from "../logout/actions";
import { GateSignInButton } from "./_components/gate-sign-in-button";
import { withClientMessages } from "@/app/_i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gate"))("metaTitle") };
}

// next-auth's error codes (?error=) as the person reads them (gate.errors.*); anything else gets the generic line.
const ERRORS = ["OAuthCallback", "OAuthSignin", "Callback", "AccessDenied"] as const;
const errorKey = (code: string) => ((ERRORS as readonly string[]).includes(code) ? (code as (typeof ERRORS)[number]) : "other");

/** The organisation gate: asks for the sign-in, or says why this person may not enter. */
async function GatePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const gate = await readGate();
  if (gate.kind === "off" || gate.kind === "in") redirect("/login");
  const params = await searchParams;
  const name = getEnv().GATE_NAME;
  const t = await getTranslations("gate");
  const render = await getMessageRenderer();
  const error = params.error ? t(`errors.${errorKey(params.error)}`) : undefined;

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <header>
        <h1 className="text-2xl font-semibold">{gate.kind === "refused" ? t("refusedTitle") : t("title")}</h1>
        <p className="text-sm text-muted">
          {gate.kind === "refused" ? t("refusedIntro") : t("intro", { name })}
        </p>
      </header>
      {params.reason === "signed-out" && gate.kind === "signed-out" && (
        <p role="status" className="rounded-md border border-line p-3 text-sm">
          {t("signedOut")}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-md border border-danger-line bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      {gate.kind === "refused" ? (
        <>
          <p role="alert" data-testid="gate-refusal" className="rounded-md border border-danger-line bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
            {render(gate.reason)}
          </p>
          <form action={logoutAction}>
            <button type="submit" className="btn-secondary">
              {t("signOutOther")}
            </button>
          </form>
        </>
      ) : (
        <GateSignInButton name={name} />
      )}
    </main>
  );
}

export default withClientMessages("(auth)/gate", GatePage);
