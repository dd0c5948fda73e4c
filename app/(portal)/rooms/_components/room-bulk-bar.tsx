"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { DESTRUCTIVE_ROOM_ACTIONS, ROOM_BULK_ACTIONS, ROOM_BULK_LABELS, type RoomBulkAction } from "@/lib/schemas/rooms";
import type { RoomBulkPreview } from "@/lib/jobs/room-bulk";
import { previewRoomBulkAction, startRoomBulkAction } from "../actions";
import { confirmed, Dialog, DialogActions, TypedConfirmation } from "@/app/(portal)/_components/dialog";
import { Options } from "@/app/(portal)/_components/filter-form";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { useCan } from "@/app/(portal)/_components/role";

const MEDIA_ACTIONS: readonly RoomBulkAction[] = ["quarantine-media", "delete-media"];
const EXPLAIN: Record<RoomBulkAction, string> = {
  block: "Nobody on this server can join these rooms or be invited to them until they are unblocked. Members already in stay.",
  unblock: "Local users may join these rooms again.",
  publish: "The rooms are listed in this server's room directory, where anyone who can search it finds them.",
  unpublish: "The rooms are taken out of this server's room directory; members and history stay.",
  "quarantine-media": "Files referenced in these rooms can no longer be downloaded from this server (an admin can release them later).",
  "delete-media": "Every local file referenced in these rooms is deleted from this server's disk. This cannot be undone. Remote files are left to their own servers.",
};

/** The rooms list's bulk actions: pick one, see what it touches, confirm (typed for deletes), then follow the job. */
export function RoomBulkBar({ roomIds }: { roomIds: string[] }) {
  const router = useRouter();
  const owner = useCan("owner");
  const actions = ROOM_BULK_ACTIONS.filter((a) => owner || !DESTRUCTIVE_ROOM_ACTIONS.includes(a));
  const [action, setAction] = useState<RoomBulkAction>("block");
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState("");
  const [preview, setPreview] = useState<RoomBulkPreview | null>(null);
  const { run, pending, error, setOutcome } = useAction();
  const count = roomIds.length;
  const noun = count === 1 ? "room" : "rooms";
  const destructive = DESTRUCTIVE_ROOM_ACTIONS.includes(action);
  const labels = Object.fromEntries(actions.map((a) => [a, ROOM_BULK_LABELS[a]])) as Record<RoomBulkAction, string>;

  async function open() {
    setTyped("");
    setPreview(null);
    // An empty selection is answered here; nothing is sent.
    if (count === 0) return setOutcome({ ok: false, text: "Select at least one room first." });
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
        <span>Bulk action</span>
        <select value={action} onChange={(e) => setAction(e.target.value as RoomBulkAction)} className="field py-1">
          <Options labels={labels} />
        </select>
      </label>
      <button type="button" aria-haspopup="dialog" className="btn-secondary py-1" onClick={() => void open()}>
        Run on selected…
      </button>
      {!asking && <OutcomeLine error={error} />}
      <Dialog title={`${ROOM_BULK_LABELS[action]}: ${count} ${noun}?`} open={asking} onClose={() => setAsking(false)}>
        <p>{EXPLAIN[action]}</p>
        {MEDIA_ACTIONS.includes(action) && (
          <p data-testid="room-bulk-preview" aria-live="polite">
            {preview
              ? `${count} ${noun}: ${preview.localFiles} local ${preview.localFiles === 1 ? "file" : "files"} and ${preview.remoteFiles} remote referenced.` +
                (preview.unreadable ? ` ${preview.unreadable} ${preview.unreadable === 1 ? "room" : "rooms"} could not be read.` : "")
              : pending
                ? "Counting the files…"
                : null}
          </p>
        )}
        <details className="text-sm">
          <summary>The {count} {noun}</summary>
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
          label={`${ROOM_BULK_LABELS[action]}: ${count} ${noun}`}
          danger={destructive}
          pending={pending}
          pendingLabel="Starting…"
          disabled={!canRun}
        />
      </Dialog>
    </>
  );
}
