import { getForwardExtremities } from "@/lib/synapse/rooms";
import { formatDateTime } from "@/lib/format";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { roomTab } from "../../_components/room-tab";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { TableHead } from "@/app/(portal)/_components/data-table";
import { ClearExtremitiesButton } from "../../_components/moderation";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

/** Above this many, Synapse's state resolution for the room gets slow (synapse-admin uses the same hint). */
const MANY_EXTREMITIES = 10;

export default async function RoomExtremitiesPage(props: PageProps<{ roomId: string }>) {
  const tab = await roomTab(props);
  if (!tab) return null;
  const { admin, roomId } = tab;
  const ext = await readForPage(() => getForwardExtremities(admin.creds, roomId));
  const count = ext.data?.length ?? 0;
  return (
    <div className="flex flex-col gap-3">
      <ErrorCard message={ext.error} />
      <p className="text-sm">
        <span data-testid="extremity-count">{count}</span> forward extremit{count === 1 ? "y" : "ies"}.{" "}
        <span className="text-muted">
          These are the newest events the server knows in the room&apos;s history graph; one is normal. Many of them (more than {MANY_EXTREMITIES}) make
          sending in the room slow and can be cleared: Synapse then keeps only the newest.
        </span>
      </p>
      {count > 1 && <ClearExtremitiesButton roomId={roomId} />}
      <table className="w-full text-left text-sm">
        <TableHead columns={["Event", "Depth", "State group", "Received (UTC)"]} />
        <tbody>
          {ext.data?.map((x) => (
            <tr key={x.eventId} className="border-b border-line">
              <td className="py-2 pr-3 font-mono text-xs break-all">{x.eventId}</td>
              <td className="py-2 pr-3">{x.depth}</td>
              <td className="py-2 pr-3">{x.stateGroup}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(new Date(x.receivedTs))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
