import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readGate } from "@/lib/auth/gate";
import { getEnv } from "@/lib/env";
import { logoutAction } from "../logout/actions";
import { GateSignInButton } from "./_components/gate-sign-in-button";

export const metadata: Metadata = { title: "Organisation sign-in · Synapse Admin Portal" };

// next-auth's error codes (?error=) as the person reads them; anything else gets the generic line.
const ERRORS: Record<string, string> = {
  OAuthCallback: "The organisation sign-in did not complete (the identity provider's answer could not be checked). Try again.",
  OAuthSignin: "The portal could not start the organisation sign-in (the identity provider did not answer as expected).",
  Callback: "The organisation sign-in did not complete. Try again.",
  AccessDenied: "The identity provider refused the sign-in.",
};

/** The organisation gate: asks for the sign-in, or says why this person may not enter. */
export default async function GatePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const gate = await readGate();
  if (gate.kind === "off" || gate.kind === "in") redirect("/login");
  const params = await searchParams;
  const name = getEnv().GATE_NAME;
  const error = params.error ? (ERRORS[params.error] ?? "The organisation sign-in failed. Try again.") : undefined;

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <header>
        <h1 className="text-2xl font-semibold">{gate.kind === "refused" ? "Access refused" : "Synapse Admin Portal"}</h1>
        <p className="text-sm text-muted">
          {gate.kind === "refused" ? "This portal is open only to the people its operators allow." : `Sign in with ${name} first; the Synapse sign-in comes next.`}
        </p>
      </header>
      {params.reason === "signed-out" && gate.kind === "signed-out" && (
        <p role="status" className="rounded-md border border-line p-3 text-sm">
          You are signed out of the portal and of the homeserver.
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
            {gate.reason}
          </p>
          <form action={logoutAction}>
            <button type="submit" className="btn-secondary">
              Sign out and use another account
            </button>
          </form>
        </>
      ) : (
        <GateSignInButton name={name} />
      )}
    </main>
  );
}
