export type NoticeMessage = { ok: boolean; text: string };

/** The outcome of an action: a polite status when it worked, an alert when it did not. */
export function Notice({ message }: { message: NoticeMessage | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}>
      {message.text}
    </p>
  );
}
