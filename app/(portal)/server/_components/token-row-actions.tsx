"use client";
import { useCan } from "@/app/(portal)/_components/role";
import { deleteRegistrationTokenAction } from "../registration-tokens/actions";
import { ConfirmButton, DialogButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import type { RegistrationToken } from "@/lib/schemas/registration-tokens";
import { TokenForm } from "./token-form";

/** Edit (in a dialog) and delete one token. */
export function TokenRowActions({ token }: { token: RegistrationToken }) {
  const mayEdit = useCan("operator");
  const { pending, outcome, run } = useAction({ refresh: true });
  if (!mayEdit) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <DialogButton label="Edit" title={`Edit token ${token.token}`}>
        {(close) => <TokenForm existing={token} onDone={close} />}
      </DialogButton>
      <ConfirmButton
        label="Delete"
        confirmLabel="Delete token"
        question="Nobody can register with it afterwards. Delete?"
        danger
        pending={pending}
        onConfirm={() => run(() => deleteRegistrationTokenAction({ token: token.token }), "Deleted.")}
      />
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
