"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { findUserAction } from "../find-actions";
import { Options } from "@/app/(portal)/_components/filter-form";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { SubmitButton } from "@/app/(portal)/_components/action-form";
import { useAction } from "@/app/(portal)/_components/use-action";

type Mode = "email" | "msisdn" | "sso";
const MODES: Mode[] = ["email", "msisdn", "sso"];

/** Opens the user who has this e-mail address, phone number or single sign-on id. */
export function FindUserForm() {
  const router = useRouter();
  const t = useTranslations("users.find");
  const labels = Object.fromEntries(MODES.map((m) => [m, t(`modes.${m}`)])) as Record<Mode, string>;
  const [mode, setMode] = useState<Mode>("email");
  const [value, setValue] = useState("");
  const [provider, setProvider] = useState("");
  const { run, pending, outcome } = useAction();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = mode === "sso" ? { by: "sso" as const, external: { authProvider: provider, externalId: value } } : { by: "threepid" as const, threepid: { medium: mode, address: value } };
    run(
      () => findUserAction(input),
      (d) => {
        router.push(`/users/${encodeURIComponent(d.userId)}`);
        return t("found", { userId: d.userId });
      },
    );
  }

  return (
    <form onSubmit={submit} className="card flex flex-wrap items-end gap-3 text-sm" aria-label={t("label")}>
      <label className="flex flex-col gap-1">
        <span>{t("by")}</span>
        <select className="field" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <Options labels={labels} />
        </select>
      </label>
      {mode === "sso" && (
        <label className="flex flex-col gap-1">
          <span>{t("provider")}</span>
          <input className="field" value={provider} onChange={(e) => setProvider(e.target.value)} placeholder="oidc-google" />
        </label>
      )}
      <label className="flex min-w-64 grow flex-col gap-1">
        <span>{mode === "sso" ? t("externalId") : labels[mode]}</span>
        <input
          className="field"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={mode === "email" ? "alice@example.org" : mode === "msisdn" ? "+44 7700 900123" : t("externalIdPlaceholder")}
        />
      </label>
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      <OutcomeLine outcome={outcome} className="basis-full" />
    </form>
  );
}
