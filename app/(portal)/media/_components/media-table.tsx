"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat, useMessage } from "@/lib/i18n/hooks";
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
  const t = useTranslations("media.table");
  const fmt = useFormat();
  const render = useMessage();
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
    void run(() => setMediaFlagAction(input), t(`flagged.${which}${on ? "On" : "Off"}`, { mediaId: row.mediaId }));
  }

  async function deleteSelected() {
    const files = rows.filter((r) => selected.has(key(r))).map((r) => ({ server: r.server, mediaId: r.mediaId }));
    const r = await run(() => deleteSelectedMediaAction({ scope, files }));
    setConfirming(false);
    if (!r.ok) return;
    const { filesDeleted, bytesFreed, failed } = r.data;
    const done = t("deleted", { count: filesDeleted, bytes: fmt.bytes(bytesFreed) });
    // Partly deleted is not a success: the line turns into an alert naming the first failure.
    const text = failed.length > 0 ? `${done} ${t("notDeleted", { count: failed.length, message: render(failed[0].message) })}` : done;
    setOutcome({ ok: failed.length === 0, text });
    setSelected(new Set());
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        {mayDelete && (
          <button type="button" aria-haspopup="dialog" className="btn-secondary" disabled={selected.size === 0 || pending} onClick={() => setConfirming(true)}>
            {t("deleteSelected", { count: selected.size })}
          </button>
        )}
        <OutcomeLine outcome={outcome} />
      </div>
      <Dialog title={t("deleteTitle")} open={confirming} onClose={() => setConfirming(false)}>
        <p>{t("deleteQuestion", { count: selected.size })}</p>
        <DialogActions
          onCancel={() => setConfirming(false)}
          onConfirm={() => void deleteSelected()}
          pending={pending}
          danger
          label={t("deleteConfirm", { count: selected.size })}
        />
      </Dialog>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label={t("label")}>
          <thead className="border-b border-line text-muted">
            <tr>
              <SelectAllHeader
                label={t("selectAll")}
                checked={allSelected}
                disabled={deletable.length === 0}
                onToggle={(on) => setSelected(on ? new Set(deletable.map(key)) : new Set())}
              />
              <th className="py-2 pr-3">{t("preview")}</th>
              <th className="py-2 pr-3">{t("media")}</th>
              {showUploader && <th className="py-2 pr-3">{t("uploadedBy")}</th>}
              <th className="py-2 pr-3">{t("type")}</th>
              <th className="py-2 pr-3 text-right">{t("size")}</th>
              <th className="py-2 pr-3">{t("uploaded")}</th>
              <th className="py-2 pr-3">{t("lastAccess")}</th>
              <th className="py-2 pr-3">{t("flags")}</th>
              <th className="py-2 pr-3">{t("actions")}</th>
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
                      aria-label={t("select", { mediaId: row.mediaId })}
                      disabled={!f?.local}
                      checked={selected.has(k)}
                      onChange={(e) => toggle(k, e.target.checked)}
                    />
                  </td>
                  <td className="py-2 pr-3">
                    {f && f.type.startsWith("image/") && !f.quarantinedBy ? (
                      <img
                        src={`/api/media/${encodeURIComponent(row.server)}/${encodeURIComponent(row.mediaId)}?thumb=64x64`}
                        alt={t("thumbnail", { name: f.uploadName ?? row.mediaId })}
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
                    <div className="text-xs text-muted">{f?.uploadName ?? (f ? "" : t("absent"))}</div>
                    {!f?.local && f && <div className="text-xs text-muted">{t("remote", { server: row.server })}</div>}
                  </td>
                  {showUploader && <td className="py-2 pr-3 text-xs">{f?.userId ?? ""}</td>}
                  <td className="py-2 pr-3">{f?.type ?? ""}</td>
                  <td className="py-2 pr-3 text-right tabular-nums" data-raw={f?.size}>
                    {f ? fmt.bytes(f.size) : ""}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{f ? fmt.dateTime(new Date(f.createdTs)) : ""}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{f ? (f.lastAccessTs ? fmt.dateTime(new Date(f.lastAccessTs)) : t("never")) : ""}</td>
                  <td className="py-2 pr-3">
                    {f?.quarantinedBy && (
                      <span className="mr-1 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900 dark:bg-red-900 dark:text-red-100" title={t("quarantinedBy", { by: f.quarantinedBy })}>
                        {t("quarantinedBadge")}
                      </span>
                    )}
                    {f?.protected && <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">{t("protectedBadge")}</span>}
                  </td>
                  <td className="py-2 pr-3">
                    {f && mayFlag && (
                      <div className="flex flex-wrap gap-1">
                        <button
                          type="button"
                          className="btn-secondary px-2 py-0.5 text-xs"
                          disabled={pending || (f.protected && !f.quarantinedBy)}
                          title={f.protected && !f.quarantinedBy ? t("protectedHint") : undefined}
                          onClick={() => flag(row, "quarantine", !f.quarantinedBy)}
                          aria-label={t(f.quarantinedBy ? "unquarantineFile" : "quarantineFile", { mediaId: row.mediaId })}
                        >
                          {t(f.quarantinedBy ? "unquarantine" : "quarantine")}
                        </button>
                        {f.local && (
                          <button
                            type="button"
                            className="btn-secondary px-2 py-0.5 text-xs"
                            disabled={pending}
                            onClick={() => flag(row, "protect", !f.protected)}
                            aria-label={t(f.protected ? "unprotectFile" : "protectFile", { mediaId: row.mediaId })}
                            >
                            {t(f.protected ? "unprotect" : "protect")}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 && <EmptyRow colSpan={showUploader ? 10 : 9} text={t("empty")} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
