import Link from "next/link";
import type { PurgeRow } from "@/lib/db/tenant";
import { formatBytes, formatCount, formatDateTime } from "@/lib/format";
import { describePurgeScope, PURGE_KIND_LABELS } from "@/lib/schemas/media";
import { DataTable, type Column } from "@/app/(portal)/_components/data-table";

const right = (label: string): Column => ({ label, align: "right" });
const PURGE_COLUMNS = ["When", "Who", "What", "Target", "Filters or scope", right("Files"), right("Freed"), right("Duration"), "Outcome"];

const QUARANTINE_KINDS = new Set(["media.quarantine", "media.unquarantine", "media.protect", "media.unprotect"]);

/** The purge-history table. A "running" row is a job of the runtime still at work (any instance continues it). */
export function PurgeRows({ rows }: { rows: PurgeRow[] }) {
  return (
    <DataTable columns={PURGE_COLUMNS} rowCount={rows.length} empty="Nothing recorded matches." label="Purge history">
      {rows.map((r) => {
        const status = r.status;
        return (
          <tr key={r.id} className="border-b border-line align-top" data-testid="purge-row" data-kind={r.kind}>
            <td className="py-2 pr-3 whitespace-nowrap">
              <Link href={`/jobs/purges/${r.id}`} className="underline-offset-2 hover:underline">
                {formatDateTime(r.createdAt)}
              </Link>
            </td>
            <td className="py-2 pr-3">
              {r.actor}
              <div className="text-xs text-muted">{r.homeserver}</div>
            </td>
            <td className="py-2 pr-3">{PURGE_KIND_LABELS[r.kind as keyof typeof PURGE_KIND_LABELS] ?? r.kind}</td>
            <td className="py-2 pr-3 break-all">{r.target ?? "whole server"}</td>
            <td className="py-2 pr-3 text-xs break-all">{describePurgeScope(r.kind, r.scope)}</td>
            <td className="py-2 pr-3 text-right tabular-nums" data-testid="purge-files">
              {r.filesDeleted === null ? "—" : `${formatCount(r.filesDeleted)}${QUARANTINE_KINDS.has(r.kind) ? " affected" : ""}`}
            </td>
            <td className="py-2 pr-3 text-right tabular-nums" data-testid="purge-bytes" data-raw={r.bytesFreed ?? undefined}>
              {r.bytesFreed === null ? "—" : formatBytes(r.bytesFreed)}
            </td>
            <td className="py-2 pr-3 text-right tabular-nums">{r.durationMs === null ? "—" : `${(r.durationMs / 1000).toFixed(1)} s`}</td>
            <td className="py-2 pr-3" data-testid="purge-status">
              <span className={status === "ok" ? "text-ok" : status === "running" ? "" : "text-danger"}>{status}</span>
              {r.error && <div className="text-xs text-muted">{r.error}</div>}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
