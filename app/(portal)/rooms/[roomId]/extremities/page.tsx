import { getForwardExtremities } from "@/lib/synapse/rooms";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { roomTab } from "../../_components/room-tab";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { TableHead } from "@/app/(portal)/_components/data-table";
import { ClearExtremitiesButton } from "../../_components/moderation";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { withClientMessages } from "@/app/_i18n/client-messages";

/** Above this many, Synapse's state resolution for the room gets slow (synapse-admin uses the same hint). */
const MANY_EXTREMITIES = 10;

async function RoomExtremitiesPage(props: PageProps<{ roomId: string }>) {
  const tab = await roomTab(props);
  if (!tab) return null;
  const { admin, roomId } = tab;
  const t = await getTranslations("room.extremities");
  const f = await getFormat();
  const ext = await readForPage(() => getForwardExtremities(admin.creds, roomId));
  const count = ext.data?.length ?? 0;
  return (
    <div className="flex flex-col gap-3">
      <ErrorCard message={ext.error} />
      <p className="text-sm">
        {t.rich("count", { count, n: (chunks) => <span data-testid="extremity-count">{chunks}</span> })}{" "}
        <span className="text-muted">{t("help", { many: MANY_EXTREMITIES })}</span>
      </p>
      {count > 1 && <ClearExtremitiesButton roomId={roomId} />}
      <table className="w-full text-left text-sm">
        <TableHead columns={[t("columns.event"), t("columns.depth"), t("columns.stateGroup"), t("columns.received")]} />
        <tbody>
          {ext.data?.map((x) => (
            <tr key={x.eventId} className="border-b border-line">
              <td className="py-2 pr-3 font-mono text-xs break-all">{x.eventId}</td>
              <td className="py-2 pr-3">{x.depth}</td>
              <td className="py-2 pr-3">{x.stateGroup}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(new Date(x.receivedTs))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default withClientMessages("(portal)/rooms/[roomId]/extremities", RoomExtremitiesPage);
