import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getRoomBlock } from "@/lib/synapse/rooms";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { loadRoom } from "../_components/room-tab";
import { routeParam } from "@/app/(portal)/_components/page-read";
import { RoomBadges } from "../_components/badges";
import { BlockToggle } from "../_components/moderation";
import { RoomTabs } from "../_components/room-tabs";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function RoomLayout({ children, params }: { children: React.ReactNode; params: Promise<{ roomId: string }> }) {
  const admin = await requireAdmin();
  const t = await getTranslations("room");
  const roomId = routeParam((await params).roomId);
  const ref = parseRoomRef(roomId, false);
  if (!ref.ok) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">{t("tabs.label")}</h1>
        <ErrorCard message={ref.message} />
        <Link href="/rooms">← {t("allRooms")}</Link>
      </section>
    );
  }
  const [room, block] = await Promise.all([loadRoom(roomId), readForPage(() => getRoomBlock(admin.creds, roomId))]);

  if (room.error || !room.data) {
    return (
      <section className="flex flex-col gap-4">
        <Link href="/rooms" className="text-sm">
          ← {t("allRooms")}
        </Link>
        <h1 className="text-2xl font-semibold break-all">{roomId}</h1>
        <ErrorCard message={room.error} />
        {!room.error && (
          <p className="card" data-testid="room-missing">
            {t("missing")}
          </p>
        )}
        {block.data && <BlockToggle roomId={roomId} blocked={block.data.blocked} />}
        {children}
      </section>
    );
  }

  const r = room.data;
  return (
    <section className="flex flex-col gap-4">
      <Link href="/rooms" className="text-sm">
        ← {t("allRooms")}
      </Link>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">{r.name ?? t("noName")}</h1>
        <div className="font-mono text-sm text-muted break-all" data-testid="room-id">
          {r.roomId}
          {r.canonicalAlias && ` · ${r.canonicalAlias}`}
        </div>
        <RoomBadges flags={{ published: r.published, encrypted: r.encryption !== null, space: r.isSpace, blocked: block.data?.blocked ?? null }} />
      </header>
      <RoomTabs roomId={r.roomId} isSpace={r.isSpace} />
      {children}
    </section>
  );
}

export default withClientMessages("layout:(portal)/rooms/[roomId]", RoomLayout);
