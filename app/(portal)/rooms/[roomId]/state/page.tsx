import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getRoomState } from "@/lib/synapse/rooms";
import { parseRoomRef } from "@/lib/schemas/rooms";
import { formatDateTime } from "@/lib/format";
import { attempt, ErrorNote, loadRoom, roomIdParam } from "../../_components/attempt";
import { JsonDetails } from "../../_components/json-details";

export default async function RoomStatePage({ params }: { params: Promise<{ roomId: string }> }) {
  const admin = await requireAdmin();
  const roomId = roomIdParam((await params).roomId);
  if (!parseRoomRef(roomId, false).ok || !(await loadRoom(roomId)).data) return null;
  const state = await attempt(() => getRoomState(admin.creds, roomId));
  return (
    <div className="flex flex-col gap-3">
      <ErrorNote error={state.error} />
      <p className="text-sm text-muted">{state.data?.length ?? 0} current state events, by type.</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-line text-muted">
            <tr>
              <th className="py-2 pr-3">Type</th>
              <th className="py-2 pr-3">State key</th>
              <th className="py-2 pr-3">Sender</th>
              <th className="py-2 pr-3">Sent</th>
              <th className="py-2 pr-3">Event</th>
            </tr>
          </thead>
          <tbody>
            {state.data?.map((e) => (
              <tr key={e.eventId} className="border-b border-line align-top" data-testid="state-event">
                <td className="py-2 pr-3 font-mono">{e.type}</td>
                <td className="py-2 pr-3 font-mono break-all">{e.stateKey || "—"}</td>
                <td className="py-2 pr-3 break-all">
                  <Link href={`/users/${encodeURIComponent(e.sender)}`} className="underline">
                    {e.sender}
                  </Link>
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(new Date(e.ts))}</td>
                <td className="py-2 pr-3">
                  <JsonDetails json={e.json} summary={e.eventId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
