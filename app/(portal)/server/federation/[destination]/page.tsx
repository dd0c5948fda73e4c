import Link from "next/link";
import { getDestination, listDestinationRooms } from "@/lib/synapse/federation";
import { destinationHref, destinationRefSchema, formatInterval } from "@/lib/schemas/federation";
import { getTranslations } from "next-intl/server";
import { getMessageRenderer } from "@/lib/i18n/server";
import { DataTable, listHref, Pager } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { openPage, readForPage, type PageProps } from "@/app/(portal)/_components/page-read";
import { LocalTime } from "../../_components/local-time";
import { ResetConnectionButton } from "../../_components/reset-connection-button";
import { RoomLink } from "@/app/(portal)/_components/user-link";
import { withClientMessages } from "@/app/_i18n/client-messages";

const ROOMS_PAGE = 50;

async function DestinationPage(props: PageProps<{ destination: string }>) {
  const { admin, value: raw, query } = await openPage(props, "destination");
  const t = await getTranslations("server.federation");
  const render = await getMessageRenderer();
  const ref = destinationRefSchema.safeParse({ destination: raw });
  const page = Math.max(1, Math.min(100_000, Number(query.page) || 1));
  const back = (
    <Link href="/server/federation" className="text-sm underline">
      {t("back")}
    </Link>
  );
  if (!ref.success) return <>{back}<ErrorCard message={t("invalid", { name: raw })} /></>;
  const name = ref.data.destination;
  const [dest, rooms] = await Promise.all([
    readForPage(() => getDestination(admin.creds, name), "federation destination read"),
    readForPage(() => listDestinationRooms(admin.creds, name, { from: (page - 1) * ROOMS_PAGE, limit: ROOMS_PAGE }), "federation destination rooms read"),
  ]);
  if (dest.data === null && !dest.error) return <>{back}<ErrorCard message={t("unknown", { name })} /></>;
  const d = dest.data;

  return (
    <div className="flex flex-col gap-4">
      {back}
      <h2 className="text-xl font-semibold font-mono break-all">{name}</h2>
      <ErrorCard message={dest.error ?? rooms.error} />
      {d && (
        <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted">{t("state")}</dt>
          <dd data-testid="destination-detail-state">{t(d.failureTs !== null ? "backingOff" : "ok")}</dd>
          <dt className="text-muted">{t("sorts.failure_ts")}</dt>
          <dd data-testid="destination-failure-ts">
            <LocalTime ms={d.failureTs} />
          </dd>
          <dt className="text-muted">{t("sorts.retry_last_ts")}</dt>
          <dd>
            <LocalTime ms={d.retryLastTs} />
          </dd>
          <dt className="text-muted">{t("sorts.retry_interval")}</dt>
          <dd data-testid="destination-detail-interval">{render(formatInterval(d.retryIntervalMs))}</dd>
          <dt className="text-muted">{t("lastDelivered")}</dt>
          <dd>{d.lastSuccessfulStreamOrdering ?? t("noneYet")}</dd>
        </dl>
      )}
      {d && <ResetConnectionButton destination={name} failing={d.retryLastTs !== null} />}
      <h3 className="text-lg font-semibold">{t("roomsTitle")}</h3>
      <p className="text-sm text-muted" data-testid="destination-rooms-summary">
        {t("rooms", { count: rooms.data?.total ?? 0 })}
      </p>
      <DataTable columns={[t("room"), t("latestSent")]} rowCount={rooms.data?.rooms.length ?? 0} empty={t("noRooms")}>
          {(rooms.data?.rooms ?? []).map((r) => (
            <tr key={r.roomId} className="border-b border-line" data-testid="destination-room-row">
              <td className="py-2 pr-3 font-mono break-all">
                <RoomLink roomId={r.roomId} />
              </td>
              <td className="py-2 pr-3">{r.streamOrdering}</td>
            </tr>
          ))}
      </DataTable>
      <Pager page={page} pages={Math.max(1, Math.ceil((rooms.data?.total ?? 0) / ROOMS_PAGE))} href={(p) => listHref(destinationHref(name), { page: p }, ["page"])} />
    </div>
  );
}

export default withClientMessages("(portal)/server/federation/[destination]", DestinationPage);
