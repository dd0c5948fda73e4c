"use client";
import { useState } from "react";
import { formatBytes, formatCount, formatDateTime } from "@/lib/format";
import type { MediaFile } from "@/lib/synapse/media";
import { deleteSelectedMediaAction, setMediaFlagAction } from "../actions";
import { Dialog, DialogActions } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { useCan } from "@/app/(portal)/_components/role";
import { EmptyRow } from "@/app/(portal)/_components/data-table";
import { SelectAllHeader } from "@/app/(portal)/_components/select-all-header";

export type MediaRow = { server: string; mediaId: string; file: MediaFile | null };

const key = (r: { server: string; mediaId: string }) => `${r.server}/${r.mediaId}`;

/** A page of media with thumbnails, flags, per-file quarantine/protect toggles and "delete selected". */
export function MediaTable({ rows, scope, showUploader = false }: { rows: MediaRow[]; scope: string; showUploader?: boolean }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const { run, outcome, pending, setOutcome } = useAction({ refresh: true });
  const mayDelete = useCan("owner");
  const mayFlag = useCan("operator");
  const deletable = rows.filter((r) => r.file?.local);
  const allSelected = deletable.length > 0 && deletable.every((r) => selected.has(key(r)));

  function toggle(k: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(k);
      else next.delete(k);
      return next;
    });
  }

  function flag(row: MediaRow, which: "quarantine" | "protect", on: boolean) {
    const input = { server: row.server, mediaId: row.mediaId, flag: which, on, scope };
    const verb = which === "quarantine" ? (on ? "Quarantined" : "Released from quarantine:") : on ? "Protected" : "No longer protected:";
    const note = which === "quarantine" && on ? " (and any other local copy of the same content)" : "";
    void run(() => setMediaFlagAction(input), `${verb} ${row.mediaId}${note}.`);
  }

  async function deleteSelected() {
    const files = rows.filter((r) => selected.has(key(r))).map((r) => ({ server: r.server, mediaId: r.mediaId }));
    const r = await run(() => deleteSelectedMediaAction({ scope, files }));
    setConfirming(false);
    if (!r.ok) return;
    const { filesDeleted, bytesFreed, failed } = r.data;
    const failures = failed.length > 0 ? ` ${failed.length} not deleted: ${failed[0].message}` : "";
    // Partly deleted is not a success: the line turns into an alert naming the first failure.
    setOutcome({ ok: failed.length === 0, text: `Deleted ${formatCount(filesDeleted)} ${filesDeleted === 1 ? "file" : "files"}, ${formatBytes(bytesFreed)} freed.${failures}` });
    setSelected(new Set());
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        {mayDelete && (
          <button type="button" aria-haspopup="dialog" className="btn-secondary" disabled={selected.size === 0 || pending} onClick={() => setConfirming(true)}>
            Delete selected ({selected.size})
          </button>
        )}
        <OutcomeLine outcome={outcome} />
      </div>
      <Dialog title="Delete selected files" open={confirming} onClose={() => setConfirming(false)}>
        <p>
          Delete {formatCount(selected.size)} {selected.size === 1 ? "file" : "files"} from the server? This cannot be undone; rooms and profiles that show them will show a
          broken image.
        </p>
        <DialogActions
          onCancel={() => setConfirming(false)}
          onConfirm={() => void deleteSelected()}
          pending={pending}
          danger
          label={`Delete ${formatCount(selected.size)} ${selected.size === 1 ? "file" : "files"}`}
        />
      </Dialog>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Media files">
          <thead className="border-b border-line text-muted">
            <tr>
              <SelectAllHeader
                label="Select all files on this page"
                checked={allSelected}
                disabled={deletable.length === 0}
                onToggle={(on) => setSelected(on ? new Set(deletable.map(key)) : new Set())}
              />
              <th className="py-2 pr-3">Preview</th>
              <th className="py-2 pr-3">Media</th>
              {showUploader && <th className="py-2 pr-3">Uploaded by</th>}
              <th className="py-2 pr-3">Type</th>
              <th className="py-2 pr-3 text-right">Size</th>
              <th className="py-2 pr-3">Uploaded</th>
              <th className="py-2 pr-3">Last access</th>
              <th className="py-2 pr-3">Flags</th>
              <th className="py-2 pr-3">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const f = row.file;
              const k = key(row);
              return (
                <tr key={k} className="border-b border-line align-middle" data-testid="media-row" data-media-id={row.mediaId}>
                  <td className="py-2 pr-2">
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.mediaId}`}
                      disabled={!f?.local}
                      checked={selected.has(k)}
                      onChange={(e) => toggle(k, e.target.checked)}
                    />
                  </td>
                  <td className="py-2 pr-3">
                    {f && f.type.startsWith("image/") && !f.quarantinedBy ? (
                      <img
                        src={`/api/media/${encodeURIComponent(row.server)}/${encodeURIComponent(row.mediaId)}?thumb=64x64`}
                        alt={`Thumbnail of ${f.uploadName ?? row.mediaId}`}
                        width={48}
                        height={48}
                        loading="lazy"
                        className="h-12 w-12 rounded object-cover"
                      />
                    ) : (
                      <span className="flex h-12 w-12 items-center justify-center rounded bg-canvas text-xs text-muted" aria-hidden="true">
                        {f ? (f.quarantinedBy ? "Q" : f.type.split("/")[0]) : "—"}
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    <a
                      href={`/api/media/${encodeURIComponent(row.server)}/${encodeURIComponent(row.mediaId)}`}
                      className="font-mono text-xs underline-offset-2 hover:underline"
                    >
                      {row.mediaId}
                    </a>
                    <div className="text-xs text-muted">{f?.uploadName ?? (f ? "" : "not on this server (deleted, or never fetched)")}</div>
                    {!f?.local && f && <div className="text-xs text-muted">remote: {row.server}</div>}
                  </td>
                  {showUploader && <td className="py-2 pr-3 text-xs">{f?.userId ?? ""}</td>}
                  <td className="py-2 pr-3">{f?.type ?? ""}</td>
                  <td className="py-2 pr-3 text-right tabular-nums" data-raw={f?.size}>
                    {f ? formatBytes(f.size) : ""}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{f ? formatDateTime(new Date(f.createdTs)) : ""}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{f ? (f.lastAccessTs ? formatDateTime(new Date(f.lastAccessTs)) : "never") : ""}</td>
                  <td className="py-2 pr-3">
                    {f?.quarantinedBy && (
                      <span className="mr-1 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900 dark:bg-red-900 dark:text-red-100" title={`by ${f.quarantinedBy}`}>
                        quarantined
                      </span>
                    )}
                    {f?.protected && <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">protected</span>}
                  </td>
                  <td className="py-2 pr-3">
                    {f && mayFlag && (
                      <div className="flex flex-wrap gap-1">
                        <button
                          type="button"
                          className="btn-secondary px-2 py-0.5 text-xs"
                          disabled={pending || (f.protected && !f.quarantinedBy)}
                          title={f.protected && !f.quarantinedBy ? "Protected files cannot be quarantined; unprotect it first." : undefined}
                          onClick={() => flag(row, "quarantine", !f.quarantinedBy)}
                          aria-label={`${f.quarantinedBy ? "Unquarantine" : "Quarantine"} ${row.mediaId}`}
                        >
                          {f.quarantinedBy ? "Unquarantine" : "Quarantine"}
                        </button>
                        {f.local && (
                          <button
                            type="button"
                            className="btn-secondary px-2 py-0.5 text-xs"
                            disabled={pending}
                            onClick={() => flag(row, "protect", !f.protected)}
                            aria-label={`${f.protected ? "Unprotect" : "Protect"} ${row.mediaId}`}
                          >
                            {f.protected ? "Unprotect" : "Protect"}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 && <EmptyRow colSpan={showUploader ? 10 : 9} text="No media." />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
