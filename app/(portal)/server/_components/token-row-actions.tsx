"use client";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("server.tokens.row");
  if (!mayEdit) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <DialogButton label={t("edit")} title={t("editTitle", { token: token.token })}>
        {(close) => <TokenForm existing={token} onDone={close} />}
      </DialogButton>
      <ConfirmButton
        label={t("delete")}
        confirmLabel={t("deleteConfirm")}
        question={t("deleteQuestion")}
        danger
        pending={pending}
        onConfirm={() => run(() => deleteRegistrationTokenAction({ token: token.token }), t("deleted"))}
      />
      <OutcomeLine outcome={outcome} />
    </div>
  );
}
