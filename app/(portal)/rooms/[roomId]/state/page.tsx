import { getRoomState } from "@/lib/synapse/rooms";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { roomTab } from "../../_components/room-tab";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { TableHead } from "@/app/(portal)/_components/data-table";
import { UserCell } from "@/app/(portal)/_components/user-link";
import { JsonDetails } from "@/app/(portal)/_components/json-details";
import { ErrorCard } from "@/app/(portal)/_components/error-card";

export default async function RoomStatePage(props: PageProps<{ roomId: string }>) {
  const tab = await roomTab(props);
  if (!tab) return null;
  const { admin, roomId } = tab;
  const t = await getTranslations("room.state");
  const f = await getFormat();
  const state = await readForPage(() => getRoomState(admin.creds, roomId));
  return (
    <div className="flex flex-col gap-3">
      <ErrorCard message={state.error} />
      <p className="text-sm text-muted">{t("count", { count: state.data?.length ?? 0 })}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <TableHead columns={[t("columns.type"), t("columns.stateKey"), t("columns.sender"), t("columns.sent"), t("columns.event")]} />
          <tbody>
            {state.data?.map((e) => (
              <tr key={e.eventId} className="border-b border-line align-top" data-testid="state-event">
                <td className="py-2 pr-3 font-mono">{e.type}</td>
                <td className="py-2 pr-3 font-mono break-all">{e.stateKey || "—"}</td>
                <UserCell userId={e.sender} />
                <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(new Date(e.ts))}</td>
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
