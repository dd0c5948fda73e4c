"use client";
import { useState } from "react";
import { ActionForm, SubmitButton } from "@/app/(portal)/_components/action-form";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { TextField } from "@/app/(portal)/_components/text-field";
import { useAction } from "@/app/(portal)/_components/use-action";
import { saveManagedUsersAction } from "../actions";

/** The bridge and bot users' pattern: a bad regex is refused by the server with the reason, nothing saved. */
export function ManagedUsersForm({ initial }: { initial: string }) {
  const [pattern, setPattern] = useState(initial);
  const { run, outcome, pending } = useAction({ refresh: true });
  return (
    <ActionForm
      label="Bridge and bot users"
      className="flex flex-col gap-2"
      onSubmit={() => void run(() => saveManagedUsersAction({ pattern }), (d) => (d.pattern ? `Saved: users matching ${d.pattern} are managed.` : "Cleared: only appservice users are managed."))}
    >
      <TextField
        id="managed-pattern"
        label="Managed user IDs (regular expression)"
        className="field font-mono"
        value={pattern}
        onChange={(e) => setPattern(e.target.value)}
        placeholder="^@(telegram|whatsapp)_.*:example\.org$"
        help="Matched against the whole Matrix ID; anchor it with ^ and $. Empty: only users of an application service (Synapse's own flag) are managed."
        error={outcome && !outcome.ok ? outcome.text : null}
      />
      <OutcomeLine outcome={outcome?.ok ? outcome : null} />
      <SubmitButton pending={pending} className="btn-primary self-start py-1.5">
        Save pattern
      </SubmitButton>
    </ActionForm>
  );
}
