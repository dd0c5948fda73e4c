"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";

/** Starts the organisation sign-in (next-auth fetches its CSRF token, then sends the browser to the provider). */
export function GateSignInButton({ name }: { name: string }) {
  const t = useTranslations("gate");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn-primary"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("gate", { callbackUrl: "/login" }).finally(() => setPending(false));
      }}
    >
      {pending ? t("redirecting") : t("signIn", { name })}
    </button>
  );
}
