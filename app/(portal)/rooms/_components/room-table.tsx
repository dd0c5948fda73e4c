"use client";
import { IfCan } from "@/app/(portal)/_components/role";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { RoomSummary } from "@/lib/synapse/rooms";
import { RoomBadges } from "./badges";
import { DeleteRoomsDialog } from "./delete-rooms-dialog";
import { RoomBulkBar } from "./room-bulk-bar";
import { UserLink } from "@/app/(portal)/_components/user-link";
import { SortHeader, type SortDir } from "@/app/(portal)/_components/sort-header";
import { EmptyRow } from "@/app/(portal)/_components/data-table";
import { SelectAllHeader } from "@/app/(portal)/_components/select-all-header";

export type RoomRow = RoomSummary & { blocked: boolean | null };
export type RoomColumn = { label: string; href?: string; sorted?: SortDir | null };

/** The rooms page's table: rows from the server, selection for bulk actions and delete kept here. */
export function RoomTable({ rows, headers }: { rows: RoomRow[]; headers: RoomColumn[] }) {
  const t = useTranslations("rooms.table");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.roomId));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const chosen = rows.filter((r) => selected.has(r.roomId)).map((r) => r.roomId);

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="selected-count">{t("selected", { count: chosen.length })}</span>
        <IfCan need="operator">
          <RoomBulkBar roomIds={chosen} />
        </IfCan>
        <IfCan need="owner">
        <DeleteRoomsDialog
          roomIds={chosen}
          what={chosen.length === 1 ? chosen[0] : undefined}
          buttonLabel={t("deleteSelected")}
          disabled={chosen.length === 0}
          followOn="here"
        />
        </IfCan>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-line text-muted">
            <tr>
              <SelectAllHeader
                label={t("selectAll")}
                checked={allSelected}
                onToggle={(on) => setSelected(on ? new Set(rows.map((r) => r.roomId)) : new Set())}
              />
              {headers.map((h) => (
                <SortHeader key={h.label} {...h} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.roomId} className="border-b border-line align-top" data-testid="room-row" data-room-id={r.roomId}>
                <td className="py-2 pr-2">
                  <input type="checkbox" aria-label={t("select", { room: r.name ?? r.roomId })} checked={selected.has(r.roomId)} onChange={() => toggle(r.roomId)} />
                </td>
                <td className="col-identity py-2 pr-3">
                  <Link href={`/rooms/${encodeURIComponent(r.roomId)}`} className="font-medium hover:underline" data-testid="room-name">
                    {r.name ?? t("noName")}
                  </Link>
                  <div className="text-xs text-muted">{r.canonicalAlias}</div>
                  <div className="font-mono text-xs text-muted break-all">{r.roomId}</div>
                  <RoomBadges flags={{ published: r.published, encrypted: r.encryption !== null, space: r.isSpace, blocked: r.blocked }} />
                </td>
                <td className="py-2 pr-3" data-testid="room-members">{r.joinedMembers}</td>
                <td className="py-2 pr-3">{r.joinedLocalMembers}</td>
                <td className="py-2 pr-3">{r.stateEvents}</td>
                <td className="py-2 pr-3">{r.version ?? "—"}</td>
                <td className="py-2 pr-3 break-all">
                  {r.creator ? <UserLink userId={r.creator} /> : "—"}
                </td>
                <td className="py-2 pr-3">{r.encryption ?? t("noEncryption")}</td>
                <td className="py-2 pr-3">{r.federatable ? t("yes") : t("no")}</td>
                <td className="py-2 pr-3">{r.published ? t("yes") : t("no")}</td>
                <td className="py-2 pr-3">{r.joinRules ?? "—"}</td>
              </tr>
            ))}
            {rows.length === 0 && <EmptyRow colSpan={headers.length + 1} text={t("empty")} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
