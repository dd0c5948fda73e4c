"use client";
import { useState } from "react";
import { formatCount } from "@/lib/format";
import { useRouter } from "next/navigation";
import { quarantineAllMediaAction, startDeleteAllRoomMediaAction, startDeleteAllUserMediaAction } from "../actions";
import { confirmed, Dialog, DialogActions, TypedConfirmation } from "@/app/(portal)/_components/dialog";
import { IfCan } from "@/app/(portal)/_components/role";
import { PurgeProgress } from "@/app/(portal)/_components/purge-progress";
import { cancelJobAction, resumeJobAction } from "@/app/(portal)/jobs/actions";
import type { JobView } from "@/lib/jobs/jobs";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

/** "Delete all of this user's media": every page, not only the one shown. Runs as a job. */
export function DeleteAllUserMedia({ userId, files }: { userId: string; files: number }) {
  const [open, setOpen] = useState(false);
  const [job, setJob] = useState<JobView | null>(null);
  const { run, error, pending } = useAction();
  async function start() {
    const r = await run(() => startDeleteAllUserMediaAction({ userId }));
    if (r.ok) setJob(r.data.job);
  }
  return (
    <IfCan need="owner">
      <button type="button" aria-haspopup="dialog" className="btn-secondary border-danger-line text-danger" disabled={files === 0} onClick={() => setOpen(true)}>
        Delete all of this user&apos;s media…
      </button>
      <Dialog title="Delete all of this user's media" open={open} onClose={() => setOpen(false)}>
        {job === null ? (
          <>
            <p>
              Delete all {formatCount(files)} files uploaded by <strong>{userId}</strong>, including protected ones and their avatar? This cannot be undone.
            </p>
            <OutcomeLine error={error} />
            <DialogActions onCancel={() => setOpen(false)} onConfirm={() => void start()} pending={pending} danger label={`Delete all ${formatCount(files)} files`} />
          </>
        ) : (
          <>
            <PurgeProgress initial={job} cancel={cancelJobAction} resume={resumeJobAction} />
            <button type="button" className="btn-secondary self-end" onClick={() => setOpen(false)}>
              Close
            </button>
          </>
        )}
      </Dialog>
    </IfCan>
  );
}

/** "Delete all" on a room's media: every local file referenced in the room, as a job followed on its own page. */
export function DeleteAllRoomMedia({ roomId, localFiles }: { roomId: string; localFiles: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { run, error, pending } = useAction();
  async function start() {
    const r = await run(() => startDeleteAllRoomMediaAction({ roomId }));
    if (r.ok) router.push(`/rooms/bulk/${r.data.jobId}`);
  }
  const n = formatCount(localFiles);
  return (
    <IfCan need="owner">
      <button type="button" aria-haspopup="dialog" className="btn-secondary border-danger-line text-danger" disabled={localFiles === 0} onClick={() => (setTyped(""), setOpen(true))}>
        Delete all local media…
      </button>
      <Dialog title="Delete all media of this room" open={open} onClose={() => setOpen(false)}>
        <p>
          Delete the {n} local {localFiles === 1 ? "file" : "files"} referenced in <strong>{roomId}</strong> from this server&apos;s disk? Remote files are left to
          their own servers. This cannot be undone.
        </p>
        <TypedConfirmation expected={String(localFiles)} value={typed} onChange={setTyped} numeric />
        <OutcomeLine error={error} />
        <DialogActions onCancel={() => setOpen(false)} onConfirm={() => void start()} pending={pending} danger disabled={!confirmed(String(localFiles), typed)} label={`Delete ${n} files`} />
      </Dialog>
    </IfCan>
  );
}

/** Quarantine everything a user uploaded, or everything referenced in a room. */
export function QuarantineAll({ owner }: { owner: { userId: string } | { roomId: string } }) {
  const [open, setOpen] = useState(false);
  const { run: runAction, outcome, pending } = useAction({ refresh: true });
  const what = "userId" in owner ? `every file uploaded by ${owner.userId}` : `every file posted in ${owner.roomId}`;
  async function run() {
    await runAction(
      () => quarantineAllMediaAction(owner),
      (d) => `Quarantined ${formatCount(d.count)} ${d.count === 1 ? "file" : "files"}.`,
    );
    setOpen(false);
  }
  return (
    <IfCan need="operator">
      <button type="button" aria-haspopup="dialog" className="btn-secondary" onClick={() => setOpen(true)}>
        Quarantine all…
      </button>
      <OutcomeLine outcome={outcome} />
      <Dialog title="Quarantine all media" open={open} onClose={() => setOpen(false)}>
        <p>
          Quarantine {what}? Quarantined files can no longer be downloaded by users; protected files are skipped, and other local copies of the same
          content are quarantined too. You can release files one by one later.
        </p>
        <DialogActions onCancel={() => setOpen(false)} onConfirm={() => void run()} pending={pending} label="Quarantine all" />
      </Dialog>
    </IfCan>
  );
}
