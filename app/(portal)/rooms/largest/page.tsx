import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat, getMessageRenderer } from "@/lib/i18n/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getLargestRooms } from "@/lib/synapse/room-sizes";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

const SHOWN = 100;

/** Where the database space goes, room by room (Synapse's estimate; PostgreSQL only). */
export default async function LargestRoomsPage() {
  const admin = await requireAdmin();
  const t = await getTranslations("rooms.largest");
  const f = await getFormat();
  const render = await getMessageRenderer();
  const read = await readForPage(() => getLargestRooms(admin.creds));
  const sizes = read.data;
  const rows = sizes?.available ? sizes.rooms.slice(0, SHOWN) : [];
  return (
    <section className="flex flex-col gap-4">
      <Link href="/rooms" className="text-sm">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ErrorCard message={read.error} />
      {sizes && !sizes.available && (
        <p className="card" role="status" data-testid="room-sizes-unavailable">
          {t("unavailable", { reason: render(sizes.reason) })}
        </p>
      )}
      {sizes?.available && (
        <>
          <p className="text-sm text-muted">
            {sizes.rooms.length > SHOWN
              ? t("introCapped", { count: sizes.rooms.length, total: f.count(sizes.rooms.length), shown: SHOWN })
              : t("intro", { count: sizes.rooms.length, total: f.count(sizes.rooms.length) })}
          </p>
          <DataTable columns={[t("columns.room"), t("columns.size")]} rowCount={rows.length} empty={t("empty")}>
            {rows.map((r) => (
              <tr key={r.roomId} className="border-b border-line" data-testid="room-size-row">
                <td className="py-2 pr-3 font-mono text-xs break-all">
                  <Link href={`/rooms/${encodeURIComponent(r.roomId)}`}>{r.roomId}</Link>
                </td>
                <td className="py-2 pr-3">{f.bytes(r.bytes)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
