"use client";
import { useState } from "react";
import { sendServerNoticeAction } from "../[id]/actions";
import { OutcomeText, useActionRunner } from "@/app/(portal)/_components/action-runner";
import { ModalButton } from "@/app/(portal)/_components/modal";
import { NOTICE_MAX_LENGTH } from "@/lib/schemas/server-notices";

/** Sends one user a server notice; a server without `server_notices` gets the how-to instead of Synapse's 400. */
export function ServerNoticeButton({ userId }: { userId: string }) {
  return (
    <ModalButton label="Send server notice…" title={`Server notice to ${userId}`}>
      {() => <NoticeForm userId={userId} />}
    </ModalButton>
  );
}

function NoticeForm({ userId }: { userId: string }) {
  const { pending, outcome, run } = useActionRunner();
  const [text, setText] = useState("");
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => sendServerNoticeAction({ userId, text }), () => "The notice was sent.");
      }}
    >
      <label htmlFor="notice-text" className="text-sm font-medium">
        Notice text
      </label>
      <textarea id="notice-text" className="field" rows={4} maxLength={NOTICE_MAX_LENGTH} value={text} onChange={(e) => setText(e.target.value)} />
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          Send notice
        </button>
      </div>
      <OutcomeText outcome={outcome} />
    </form>
  );
}
