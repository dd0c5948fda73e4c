import { getTranslations } from "next-intl/server";
import { getSpaceHierarchy } from "@/lib/synapse/rooms";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { roomTab } from "../../_components/room-tab";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { TableHead } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { RoomLink } from "@/app/(portal)/_components/user-link";

export default async function SpaceHierarchyPage(props: PageProps<{ roomId: string }>) {
  const tab = await roomTab(props);
  if (!tab) return null;
  const { admin, roomId } = tab;
  const t = await getTranslations("room.hierarchy");
  if (!tab.room.isSpace) return <p className="card text-muted">{t("notSpace")}</p>;
  const tree = await readForPage(() => getSpaceHierarchy(admin.creds, roomId));
  const names = new Map((tree.data ?? []).map((r) => [r.roomId, r.name ?? r.canonicalAlias ?? r.roomId]));
  return (
    <div className="flex flex-col gap-3">
      <ErrorCard message={tree.error} />
      <p className="text-sm text-muted">{t("intro")}</p>
      <table className="w-full text-left text-sm">
        <TableHead columns={[t("columns.room"), t("columns.kind"), t("columns.members"), t("columns.joinRule"), t("columns.children")]} />
        <tbody>
          {tree.data?.map((r) => (
            <tr key={r.roomId} className="border-b border-line align-top" data-testid="hierarchy-room">
              <td className="py-2 pr-3">
                <RoomLink roomId={r.roomId}>{r.name ?? t("noName")}</RoomLink>
                <div className="font-mono text-xs text-muted break-all">{r.roomId}</div>
              </td>
              <td className="py-2 pr-3">{r.roomId === roomId ? t("thisSpace") : r.isSpace ? t("space") : t("room")}</td>
              <td className="py-2 pr-3">{r.joinedMembers}</td>
              <td className="py-2 pr-3">{r.joinRule ?? "—"}</td>
              <td className="py-2 pr-3">
                <ul>
                  {r.children.map((c) => (
                    <li key={c.roomId}>
                      {names.get(c.roomId) ?? c.roomId}
                      {c.suggested ? ` ${t("suggested")}` : ""}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
