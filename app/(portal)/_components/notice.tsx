export type NoticeMessage = { ok: boolean; text: string };

/** The outcome of an action: a polite status when it worked, an alert when it did not. */
export function Notice({ message }: { message: NoticeMessage | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-ok" : "text-danger"}`}>
      {message.text}
    </p>
  );
}
