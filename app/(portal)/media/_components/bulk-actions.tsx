"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("media.bulk");
  async function start() {
    const r = await run(() => startDeleteAllUserMediaAction({ userId }));
    if (r.ok) setJob(r.data.job);
  }
  return (
    <IfCan need="owner">
      <button type="button" aria-haspopup="dialog" className="btn-secondary border-danger-line text-danger" disabled={files === 0} onClick={() => setOpen(true)}>
        {t("userButton")}
      </button>
      <Dialog title={t("userTitle")} open={open} onClose={() => setOpen(false)}>
        {job === null ? (
          <>
            <p>{t.rich("userQuestion", { count: files, userId, strong: (c) => <strong>{c}</strong> })}</p>
            <OutcomeLine error={error} />
            <DialogActions onCancel={() => setOpen(false)} onConfirm={() => void start()} pending={pending} danger label={t("userConfirm", { count: files })} />
          </>
        ) : (
          <>
            <PurgeProgress initial={job} cancel={cancelJobAction} resume={resumeJobAction} />
            <button type="button" className="btn-secondary self-end" onClick={() => setOpen(false)}>
              {t("close")}
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
  const t = useTranslations("media.bulk");
  async function start() {
    const r = await run(() => startDeleteAllRoomMediaAction({ roomId }));
    if (r.ok) router.push(`/rooms/bulk/${r.data.jobId}`);
  }
  return (
    <IfCan need="owner">
      <button type="button" aria-haspopup="dialog" className="btn-secondary border-danger-line text-danger" disabled={localFiles === 0} onClick={() => (setTyped(""), setOpen(true))}>
        {t("roomButton")}
      </button>
      <Dialog title={t("roomTitle")} open={open} onClose={() => setOpen(false)}>
        <p>{t.rich("roomQuestion", { count: localFiles, roomId, strong: (c) => <strong>{c}</strong> })}</p>
        <TypedConfirmation expected={String(localFiles)} value={typed} onChange={setTyped} numeric />
        <OutcomeLine error={error} />
        <DialogActions onCancel={() => setOpen(false)} onConfirm={() => void start()} pending={pending} danger disabled={!confirmed(String(localFiles), typed)} label={t("roomConfirm", { count: localFiles })} />
      </Dialog>
    </IfCan>
  );
}

/** Quarantine everything a user uploaded, or everything referenced in a room. */
export function QuarantineAll({ owner }: { owner: { userId: string } | { roomId: string } }) {
  const [open, setOpen] = useState(false);
  const { run: runAction, outcome, pending } = useAction({ refresh: true });
  const t = useTranslations("media.bulk");
  async function run() {
    await runAction(
      () => quarantineAllMediaAction(owner),
      (d) => t("quarantined", { count: d.count }),
    );
    setOpen(false);
  }
  return (
    <IfCan need="operator">
      <button type="button" aria-haspopup="dialog" className="btn-secondary" onClick={() => setOpen(true)}>
        {t("quarantineButton")}
      </button>
      <OutcomeLine outcome={outcome} />
      <Dialog title={t("quarantineTitle")} open={open} onClose={() => setOpen(false)}>
        <p>{"userId" in owner ? t("quarantineUser", { userId: owner.userId }) : t("quarantineRoom", { roomId: owner.roomId })}</p>
        <DialogActions onCancel={() => setOpen(false)} onConfirm={() => void run()} pending={pending} label={t("quarantineConfirm")} />
      </Dialog>
    </IfCan>
  );
}
