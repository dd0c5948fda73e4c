import { serverNameOf } from "@/lib/matrix/mxid";
import { getMediaFile, listRoomMediaRefs } from "@/lib/synapse/media";
import { mapPool } from "@/lib/pool";
import { openPage, readForPage } from "@/app/(portal)/_components/page-read";
import { getTranslations } from "next-intl/server";
import { MEDIA_PAGE_SIZE, roomMediaQuerySchema, roomScopeSchema } from "@/lib/schemas/media";
import { MediaTable, type MediaRow } from "../../_components/media-table";
import { DeleteAllRoomMedia, QuarantineAll } from "../../_components/bulk-actions";
import { MediaScopePage } from "../../_components/media-scope-page";
import { Pager } from "@/app/(portal)/_components/data-table";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function RoomMediaPage(props: PageProps<{ roomId: string }>) {
  const { admin, value: roomId, query } = await openPage(props, "roomId");
  const t = await getTranslations("media.roomPage");
  const q = roomMediaQuerySchema.parse(query);
  const valid = roomScopeSchema.safeParse({ roomId });
  const { data, error } = valid.success
    ? await readForPage(async () => {
        // Synapse lists a room's media as bare mxc URIs: details are read for the shown page only.
        const refs = await listRoomMediaRefs(admin.creds, roomId);
        const shown = refs.slice((q.page - 1) * MEDIA_PAGE_SIZE, q.page * MEDIA_PAGE_SIZE);
        const local = serverNameOf(admin.actor);
        const files = await mapPool(shown, 6, (r) => getMediaFile(admin.creds, local, r.server, r.mediaId));
        const rows: MediaRow[] = shown.map((r, i) => ({ server: r.server, mediaId: r.mediaId, file: files[i] ?? null }));
        return { rows, total: refs.length, local: refs.filter((r) => r.local).length };
      })
    : { data: null, error: t("invalid", { roomId }) };
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / MEDIA_PAGE_SIZE));
  const href = (page: number) => `/media/rooms/${encodeURIComponent(roomId)}${page > 1 ? `?page=${page}` : ""}`;

  return (
    <MediaScopePage crumb="room" title={t("title", { roomId })} error={error}>
      {data && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm" data-testid="room-media-total">
              {t("total", { count: data.total, local: data.local, remote: data.total - data.local })}
            </p>
            <div className="ml-auto flex flex-wrap items-center gap-2">
              <QuarantineAll owner={{ roomId }} />
              <DeleteAllRoomMedia roomId={roomId} localFiles={data.local} />
            </div>
          </div>
          <MediaTable rows={data.rows} scope={roomId} showUploader />
          <Pager page={q.page} pages={pages} href={href} />
        </>
      )}
    </MediaScopePage>
  );
}

export default withClientMessages("(portal)/media/rooms/[roomId]", RoomMediaPage);
