"use client";
import { useRef, useState, type ChangeEvent } from "react";
import { useRouter } from "next/navigation";
import { BULK_ACTION_LABELS, BULK_ACTIONS, type BulkAction } from "@/lib/schemas/users";
import { startBulkUsersAction } from "../actions";

type Props = {
  pageUserIds: string[];
  total: number;
  /** The list's filter as a URL search string: what "all matching" means on the server. */
  filter: string;
  actor: string;
  children: React.ReactNode;
};

/**
 * Row selection and bulk actions around the server-rendered table: the rows' checkboxes are plain
 * inputs, read here through change events, so the table itself ships no JavaScript.
 */
export function UsersSelection({ pageUserIds, total, filter, actor, children }: Props) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [action, setAction] = useState<BulkAction>("lock");
  const [notice, setNotice] = useState("");
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const count = allMatching ? total : selected.size;
  const includesSelf = !allMatching && selected.has(actor);

  function setChecks(checked: boolean) {
    box.current?.querySelectorAll<HTMLInputElement>("input[data-user-id]").forEach((el) => (el.checked = checked));
  }

  function onChange(e: ChangeEvent<HTMLDivElement>) {
    const el = e.target as unknown as HTMLInputElement;
    if (el.type !== "checkbox") return;
    if (el.hasAttribute("data-select-all")) {
      setChecks(el.checked);
      setSelected(el.checked ? new Set(pageUserIds) : new Set());
      setAllMatching(false);
      return;
    }
    const id = el.getAttribute("data-user-id");
    if (!id) return;
    setAllMatching(false);
    setSelected((prev) => {
      const next = new Set(prev);
      if (el.checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function clear() {
    setChecks(false);
    const all = box.current?.querySelector<HTMLInputElement>("input[data-select-all]");
    if (all) all.checked = false;
    setSelected(new Set());
    setAllMatching(false);
  }

  async function run() {
    setBusy(true);
    setError(null);
    const r = await startBulkUsersAction({
      action,
      ...(allMatching ? { filter } : { userIds: [...selected] }),
      expectedCount: count,
      notice,
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    dialog.current?.close();
    router.push(`/users/bulk/${r.data.jobId}`);
  }

  const needsTyping = action === "deactivate";
  const canRun = count > 0 && (!needsTyping || typed.trim() === String(count)) && (action !== "notice" || notice.trim() !== "");
  const noun = count === 1 ? "user" : "users";

  return (
    <div ref={box} onChange={onChange} className="flex flex-col gap-2">
      <div className="flex min-h-10 flex-wrap items-center gap-3 text-sm" aria-live="polite">
        {count === 0 ? (
          <span className="text-muted">Select users for bulk actions.</span>
        ) : (
          <>
            <span data-testid="selection-count">
              {count.toLocaleString("en-US")} {noun} selected{allMatching ? " (all matching the filter)" : ""}
            </span>
            {!allMatching && total > selected.size && selected.size === pageUserIds.length && (
              <button type="button" className="underline" onClick={() => setAllMatching(true)}>
                Select all {total.toLocaleString("en-US")} matching the filter
              </button>
            )}
            <button type="button" className="underline" onClick={clear}>
              Clear selection
            </button>
            <label className="flex items-center gap-2">
              <span>Bulk action</span>
              <select value={action} onChange={(e) => setAction(e.target.value as BulkAction)} className="field py-1">
                {BULK_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {BULK_ACTION_LABELS[a]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="btn-primary py-1"
              onClick={() => {
                setTyped("");
                setError(null);
                dialog.current?.showModal();
              }}
            >
              {BULK_ACTION_LABELS[action]}…
            </button>
          </>
        )}
      </div>
      {children}
      <dialog ref={dialog} aria-labelledby="bulk-title" className="m-auto w-full max-w-lg rounded-lg border border-line bg-surface p-5 text-ink shadow-xl backdrop:bg-black/40">
        <div className="flex flex-col gap-3 text-sm">
          <h2 id="bulk-title" className="text-lg font-semibold">
            {BULK_ACTION_LABELS[action]} {count.toLocaleString("en-US")} {noun}?
          </h2>
          {action === "deactivate" && (
            <p>Deactivation logs the users out, removes them from every room and deletes their passwords. It can be undone only by reactivating each user with a new password.</p>
          )}
          {action === "logout" && <p>Every device of these users is deleted, so all their sessions end.</p>}
          {action === "lock" && <p>Locked users cannot use their sessions until they are unlocked.</p>}
          {includesSelf && (action === "deactivate" || action === "lock") && (
            <p className="text-amber-800 dark:text-amber-200">Your own account is selected; it will be skipped.</p>
          )}
          {action === "notice" && (
            <label className="flex flex-col gap-1">
              <span>Notice text</span>
              <textarea value={notice} onChange={(e) => setNotice(e.target.value)} rows={4} className="field" />
            </label>
          )}
          {needsTyping && (
            <label className="flex flex-col gap-1">
              <span>Type {count} to confirm</span>
              <input value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="numeric" className="field" />
            </label>
          )}
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
          <div className="flex justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="button" className="btn-primary" disabled={!canRun || busy} onClick={run}>
              {busy ? "Starting…" : `${BULK_ACTION_LABELS[action]} ${count.toLocaleString("en-US")} ${noun}`}
            </button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
