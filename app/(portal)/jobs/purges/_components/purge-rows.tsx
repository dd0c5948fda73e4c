import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat, useMessage } from "@/lib/i18n/hooks";
import type { PurgeRow } from "@/lib/db/tenant";
import { describePurgeScope, PURGE_KIND_LABELS } from "@/lib/schemas/media";
import { DataTable, type Column } from "@/app/(portal)/_components/data-table";

const right = (label: string): Column => ({ label, align: "right" });

const QUARANTINE_KINDS = new Set(["media.quarantine", "media.unquarantine", "media.protect", "media.unprotect"]);

/** The purge-history table. A "running" row is a job of the runtime still at work (any instance continues it). */
export function PurgeRows({ rows }: { rows: PurgeRow[] }) {
  const t = useTranslations("jobs.purges");
  const f = useFormat();
  const render = useMessage();
  const columns = [t("col.when"), t("col.who"), t("col.what"), t("col.target"), t("col.scope"), right(t("col.files")), right(t("col.freed")), right(t("col.duration")), t("col.outcome")];
  return (
    <DataTable columns={columns} rowCount={rows.length} empty={t("empty")} label={t("title")}>
      {rows.map((r) => {
        const status = r.status;
        return (
          <tr key={r.id} className="border-b border-line align-top" data-testid="purge-row" data-kind={r.kind}>
            <td className="py-2 pr-3 whitespace-nowrap">
              <Link href={`/jobs/purges/${r.id}`} className="underline-offset-2 hover:underline">
                {f.dateTime(r.createdAt)}
              </Link>
            </td>
            <td className="py-2 pr-3">
              {r.actor}
              <div className="text-xs text-muted">{r.homeserver}</div>
            </td>
            <td className="py-2 pr-3">{PURGE_KIND_LABELS[r.kind as keyof typeof PURGE_KIND_LABELS] ?? r.kind}</td>
            <td className="py-2 pr-3 break-all">{r.target ?? t("wholeServer")}</td>
            <td className="py-2 pr-3 text-xs break-all">{describePurgeScope(r.kind, r.scope)}</td>
            <td className="py-2 pr-3 text-right tabular-nums" data-testid="purge-files">
              {r.filesDeleted === null ? "—" : QUARANTINE_KINDS.has(r.kind) ? t("affected", { count: f.count(r.filesDeleted) }) : f.count(r.filesDeleted)}
            </td>
            <td className="py-2 pr-3 text-right tabular-nums" data-testid="purge-bytes" data-raw={r.bytesFreed ?? undefined}>
              {r.bytesFreed === null ? "—" : f.bytes(r.bytesFreed)}
            </td>
            <td className="py-2 pr-3 text-right tabular-nums">{r.durationMs === null ? "—" : t("seconds", { seconds: r.durationMs / 1000 })}</td>
            <td className="py-2 pr-3" data-testid="purge-status">
              <span className={status === "ok" ? "text-ok" : status === "running" ? "" : "text-danger"}>{status === "ok" || status === "failed" || status === "running" ? t(`status.${status}`) : status}</span>
              {r.error && <div className="text-xs text-muted">{render(r.error)}</div>}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
