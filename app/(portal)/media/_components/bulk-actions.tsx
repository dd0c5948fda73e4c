"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { formatCount } from "@/lib/format";
import { quarantineRoomMediaAction, quarantineUserMediaAction, startDeleteAllUserMediaAction } from "../actions";
import { ConfirmActions, Modal } from "@/app/(portal)/_components/modal";
import { PurgeProgress } from "@/app/(portal)/_components/purge-progress";
import { Notice, type NoticeMessage } from "@/app/(portal)/_components/notice";

/** "Delete all of this user's media": every page, not only the one shown. Runs as a job. */
export function DeleteAllUserMedia({ userId, files }: { userId: string; files: number }) {
  const [open, setOpen] = useState(false);
  const [purgeId, setPurgeId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function start() {
    setError(null);
    startTransition(async () => {
      const r = await startDeleteAllUserMediaAction({ userId });
      if (!r.ok) setError(r.error.message);
      else setPurgeId(r.data.purgeId);
    });
  }
  return (
    <>
      <button type="button" className="btn-secondary border-danger-line text-danger" disabled={files === 0} onClick={() => setOpen(true)}>
        Delete all of this user&apos;s media…
      </button>
      <Modal title="Delete all of this user's media" open={open} onClose={() => setOpen(false)}>
        {purgeId === null ? (
          <>
            <p>
              Delete all {formatCount(files)} files uploaded by <strong>{userId}</strong>, including protected ones and their avatar? This cannot be undone.
            </p>
            <Notice message={error ? { ok: false, text: error } : null} />
            <ConfirmActions onCancel={() => setOpen(false)} onConfirm={start} pending={pending} danger label={`Delete all ${formatCount(files)} files`} />
          </>
        ) : (
          <>
            <PurgeProgress purgeId={purgeId} />
            <button type="button" className="btn-secondary self-end" onClick={() => setOpen(false)}>
              Close
            </button>
          </>
        )}
      </Modal>
    </>
  );
}

/** Quarantine everything a user uploaded, or everything referenced in a room. */
export function QuarantineAll({ owner }: { owner: { userId: string } | { roomId: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const [pending, startTransition] = useTransition();
  const what = "userId" in owner ? `every file uploaded by ${owner.userId}` : `every file posted in ${owner.roomId}`;
  function run() {
    startTransition(async () => {
      const r = "userId" in owner ? await quarantineUserMediaAction(owner) : await quarantineRoomMediaAction(owner);
      setOpen(false);
      if (!r.ok) return setMessage({ ok: false, text: r.error.message });
      setMessage({ ok: true, text: `Quarantined ${formatCount(r.data.count)} ${r.data.count === 1 ? "file" : "files"}.` });
      router.refresh();
    });
  }
  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        Quarantine all…
      </button>
      <Notice message={message} />
      <Modal title="Quarantine all media" open={open} onClose={() => setOpen(false)}>
        <p>
          Quarantine {what}? Quarantined files can no longer be downloaded by users; protected files are skipped, and other local copies of the same
          content are quarantined too. You can release files one by one later.
        </p>
        <ConfirmActions onCancel={() => setOpen(false)} onConfirm={run} pending={pending} label="Quarantine all" />
      </Modal>
    </>
  );
}
