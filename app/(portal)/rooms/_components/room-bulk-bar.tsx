"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { DESTRUCTIVE_ROOM_ACTIONS, ROOM_BULK_ACTIONS, type RoomBulkAction } from "@/lib/schemas/rooms";
import type { RoomBulkPreview } from "@/lib/jobs/room-bulk";
import { previewRoomBulkAction, startRoomBulkAction } from "../actions";
import { confirmed, Dialog, DialogActions, TypedConfirmation } from "@/app/(portal)/_components/dialog";
import { Options } from "@/app/(portal)/_components/filter-form";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { useCan } from "@/app/(portal)/_components/role";

const MEDIA_ACTIONS: readonly RoomBulkAction[] = ["quarantine-media", "delete-media"];

/** The rooms list's bulk actions: pick one, see what it touches, confirm (typed for deletes), then follow the job. */
export function RoomBulkBar({ roomIds }: { roomIds: string[] }) {
  const t = useTranslations("rooms.bulk");
  const router = useRouter();
  const owner = useCan("owner");
  const actions = ROOM_BULK_ACTIONS.filter((a) => owner || !DESTRUCTIVE_ROOM_ACTIONS.includes(a));
  const [action, setAction] = useState<RoomBulkAction>("block");
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState("");
  const [preview, setPreview] = useState<RoomBulkPreview | null>(null);
  const { run, pending, error, setOutcome } = useAction();
  const count = roomIds.length;
  const destructive = DESTRUCTIVE_ROOM_ACTIONS.includes(action);
  const labels = Object.fromEntries(actions.map((a) => [a, t(`actions.${a}`)])) as Record<RoomBulkAction, string>;
  const title = t("title", { action: t(`actions.${action}`), count });

  async function open() {
    setTyped("");
    setPreview(null);
    // An empty selection is answered here; nothing is sent.
    if (count === 0) return setOutcome({ ok: false, text: t("selectFirst") });
    setOutcome(null);
    setAsking(true);
    if (MEDIA_ACTIONS.includes(action)) {
      const r = await run(() => previewRoomBulkAction({ roomIds }));
      if (r.ok) setPreview(r.data);
    }
  }

  async function start() {
    const r = await run(() => startRoomBulkAction({ action, roomIds, expectedCount: count }));
    if (!r.ok) return;
    setAsking(false);
    router.push(`/rooms/bulk/${r.data.jobId}`);
  }

  const waitingForPreview = MEDIA_ACTIONS.includes(action) && !preview;
  const canRun = count > 0 && !waitingForPreview && (!destructive || confirmed(String(count), typed));
  return (
    <>
      <label className="flex items-center gap-2">
        <span>{t("label")}</span>
        <select value={action} onChange={(e) => setAction(e.target.value as RoomBulkAction)} className="field py-1">
          <Options labels={labels} />
        </select>
      </label>
      <button type="button" aria-haspopup="dialog" className="btn-secondary py-1" onClick={() => void open()}>
        {t("run")}
      </button>
      {!asking && <OutcomeLine error={error} />}
      <Dialog title={`${title}?`} open={asking} onClose={() => setAsking(false)}>
        <p>{t(`explain.${action}`)}</p>
        {MEDIA_ACTIONS.includes(action) && (
          <p data-testid="room-bulk-preview" aria-live="polite">
            {preview
              ? t("preview", { count, local: preview.localFiles, remote: preview.remoteFiles }) + (preview.unreadable ? ` ${t("unreadable", { count: preview.unreadable })}` : "")
              : pending
                ? t("counting")
                : null}
          </p>
        )}
        <details className="text-sm">
          <summary>{t("theRooms", { count })}</summary>
          <ul className="font-mono text-xs">
            {roomIds.map((id) => (
              <li key={id}>{id}</li>
            ))}
          </ul>
        </details>
        {destructive && <TypedConfirmation expected={String(count)} value={typed} onChange={setTyped} numeric />}
        <OutcomeLine error={error} />
        <DialogActions
          onCancel={() => setAsking(false)}
          onConfirm={() => void start()}
          label={title}
          danger={destructive}
          pending={pending}
          pendingLabel={t("pending")}
          disabled={!canRun}
        />
      </Dialog>
    </>
  );
}
