import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getSpaceHierarchy } from "@/lib/synapse/rooms";
import { parseRoomRef } from "@/lib/schemas/rooms";
import { attempt, ErrorNote, loadRoom, roomIdParam } from "../../_components/attempt";

export default async function SpaceHierarchyPage({ params }: { params: Promise<{ roomId: string }> }) {
  const admin = await requireAdmin();
  const roomId = roomIdParam((await params).roomId);
  const room = parseRoomRef(roomId, false).ok ? await loadRoom(roomId) : null;
  if (!room?.data) return null;
  if (!room.data.isSpace) return <p className="card text-muted">This room is not a space, so it has no hierarchy.</p>;
  const tree = await attempt(() => getSpaceHierarchy(admin.creds, roomId));
  const names = new Map((tree.data ?? []).map((r) => [r.roomId, r.name ?? r.canonicalAlias ?? r.roomId]));
  return (
    <div className="flex flex-col gap-3">
      <ErrorNote error={tree.error} />
      <p className="text-sm text-muted">The space and the rooms and spaces under it, as this server knows them.</p>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line text-muted">
          <tr>
            <th className="py-2 pr-3">Room</th>
            <th className="py-2 pr-3">Kind</th>
            <th className="py-2 pr-3">Members</th>
            <th className="py-2 pr-3">Join rule</th>
            <th className="py-2 pr-3">Children</th>
          </tr>
        </thead>
        <tbody>
          {tree.data?.map((r) => (
            <tr key={r.roomId} className="border-b border-line align-top" data-testid="hierarchy-room">
              <td className="py-2 pr-3">
                <Link href={`/rooms/${encodeURIComponent(r.roomId)}`} className="underline">
                  {r.name ?? "(no name)"}
                </Link>
                <div className="font-mono text-xs text-muted break-all">{r.roomId}</div>
              </td>
              <td className="py-2 pr-3">{r.roomId === roomId ? "this space" : r.isSpace ? "space" : "room"}</td>
              <td className="py-2 pr-3">{r.joinedMembers}</td>
              <td className="py-2 pr-3">{r.joinRule ?? "—"}</td>
              <td className="py-2 pr-3">
                <ul>
                  {r.children.map((c) => (
                    <li key={c.roomId}>
                      {names.get(c.roomId) ?? c.roomId}
                      {c.suggested ? " (suggested)" : ""}
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
