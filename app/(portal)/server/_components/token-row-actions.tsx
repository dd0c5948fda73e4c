"use client";
import { useRouter } from "next/navigation";
import { deleteRegistrationTokenAction } from "../registration-tokens/actions";
import { ConfirmButton, OutcomeText, useActionRunner } from "@/app/(portal)/_components/action-runner";
import { ModalButton } from "@/app/(portal)/_components/modal";
import type { RegistrationToken } from "@/lib/schemas/registration-tokens";
import { TokenForm } from "./token-form";

/** Edit (in a dialog) and delete one token. */
export function TokenRowActions({ token }: { token: RegistrationToken }) {
  const router = useRouter();
  const { pending, outcome, run } = useActionRunner();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ModalButton label="Edit" title={`Edit token ${token.token}`}>
        {(close) => <TokenForm existing={token} onDone={close} />}
      </ModalButton>
      <ConfirmButton
        label="Delete"
        confirmLabel="Delete token"
        question="Nobody can register with it afterwards. Delete?"
        danger
        pending={pending}
        onConfirm={() =>
          run(
            () => deleteRegistrationTokenAction({ token: token.token }),
            () => {
              router.refresh();
              return "Deleted.";
            },
          )
        }
      />
      <OutcomeText outcome={outcome} />
    </div>
  );
}
