import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getLargestRooms } from "@/lib/synapse/room-sizes";
import { formatBytes, formatCount } from "@/lib/format";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

const SHOWN = 100;

/** Where the database space goes, room by room (Synapse's estimate; PostgreSQL only). */
export default async function LargestRoomsPage() {
  const admin = await requireAdmin();
  const read = await readForPage(() => getLargestRooms(admin.creds));
  const sizes = read.data;
  const rows = sizes?.available ? sizes.rooms.slice(0, SHOWN) : [];
  return (
    <section className="flex flex-col gap-4">
      <Link href="/rooms" className="text-sm">
        ← Rooms
      </Link>
      <h1 className="text-2xl font-semibold">Largest rooms by database size</h1>
      <ErrorCard message={read.error} />
      {sizes && !sizes.available && (
        <p className="card" role="status" data-testid="room-sizes-unavailable">
          Not available: {sizes.reason} Media files are not counted here either way; see Media for disk space used by uploads.
        </p>
      )}
      {sizes?.available && (
        <>
          <p className="text-sm text-muted">
            Synapse&apos;s estimate of the database space of each room&apos;s events and state ({formatCount(sizes.rooms.length)} rooms
            {sizes.rooms.length > SHOWN ? `, the largest ${SHOWN} shown` : ""}). Purging old history or deleting a room frees it.
          </p>
          <DataTable columns={["Room", "Estimated size"]} rowCount={rows.length} empty="No rooms.">
            {rows.map((r) => (
              <tr key={r.roomId} className="border-b border-line" data-testid="room-size-row">
                <td className="py-2 pr-3 font-mono text-xs break-all">
                  <Link href={`/rooms/${encodeURIComponent(r.roomId)}`}>{r.roomId}</Link>
                </td>
                <td className="py-2 pr-3">{formatBytes(r.bytes)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
