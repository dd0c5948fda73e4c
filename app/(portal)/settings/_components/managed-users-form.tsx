"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/app/(portal)/_components/action-form";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { TextField } from "@/app/(portal)/_components/text-field";
import { useAction } from "@/app/(portal)/_components/use-action";
import { saveManagedUsersAction } from "../actions";

/** The bridge and bot users' pattern: a bad regex is refused by the server with the reason, nothing saved. */
export function ManagedUsersForm({ initial }: { initial: string }) {
  const [pattern, setPattern] = useState(initial);
  const { run, outcome, pending } = useAction({ refresh: true });
  const t = useTranslations("settings.managedForm");
  return (
    <ActionForm
      label={t("label")}
      className="flex flex-col gap-2"
      onSubmit={() => void run(() => saveManagedUsersAction({ pattern }), (d) => (d.pattern ? t("saved", { pattern: d.pattern }) : t("cleared")))}
    >
      <TextField
        id="managed-pattern"
        label={t("pattern")}
        className="field font-mono"
        value={pattern}
        onChange={(e) => setPattern(e.target.value)}
        placeholder="^@(telegram|whatsapp)_.*:example\.org$"
        help={t("help")}
        error={outcome && !outcome.ok ? outcome.text : null}
      />
      <OutcomeLine outcome={outcome?.ok ? outcome : null} />
      <SubmitButton pending={pending} className="btn-primary self-start py-1.5">
        {t("save")}
      </SubmitButton>
    </ActionForm>
  );
}
