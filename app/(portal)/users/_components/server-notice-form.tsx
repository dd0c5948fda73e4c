"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { sendServerNoticeAction } from "../[id]/actions";
import { DialogButton } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { NOTICE_MAX_LENGTH } from "@/lib/schemas/server-notices";

/** Sends one user a server notice; a server without `server_notices` gets the how-to instead of Synapse's 400. */
export function ServerNoticeButton({ userId }: { userId: string }) {
  const t = useTranslations("user.notice");
  return (
    <DialogButton label={t("button")} title={t("title", { userId })}>
      {() => <NoticeForm userId={userId} />}
    </DialogButton>
  );
}

function NoticeForm({ userId }: { userId: string }) {
  const t = useTranslations("user.notice");
  const { pending, outcome, run } = useAction();
  const [text, setText] = useState("");
  // One txn id per notice written: a repeated submit is answered by Synapse, not sent again.
  const [txnId, setTxnId] = useState(() => crypto.randomUUID());
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => sendServerNoticeAction({ userId, text, txnId }), t("sent")).then((r) => r.ok && setTxnId(crypto.randomUUID()));
      }}
    >
      <label htmlFor="notice-text" className="text-sm font-medium">
        {t("text")}
      </label>
      <textarea id="notice-text" className="field" rows={4} maxLength={NOTICE_MAX_LENGTH} value={text} onChange={(e) => setText(e.target.value)} />
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("send")}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
