import { roomJobPanels } from "@/lib/jobs/room-tasks";
import { can } from "@/lib/roles";
import { getRoomBlock } from "@/lib/synapse/rooms";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { parseJobIds } from "@/lib/schemas/rooms";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { openPage, readForPage } from "@/app/(portal)/_components/page-read";
import { loadRoom } from "../_components/room-tab";
import { DeleteRoomsDialog } from "../_components/delete-rooms-dialog";
import { RoomJobProgress } from "../_components/room-job-progress";
import { BlockToggle, PublishToggle, RoomUserForm } from "../_components/moderation";
import { PurgeHistoryForm } from "../_components/purge-history-form";
import { RoomLink, UserLink } from "@/app/(portal)/_components/user-link";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function RoomOverviewPage(props: PageProps<{ roomId: string }>) {
  const { admin, value: roomId, query } = await openPage(props, "roomId");
  if (!parseRoomRef(roomId, false).ok) return null;
  const t = await getTranslations("room.overview");
  const f = await getFormat();
  const panels = await roomJobPanels(admin.homeserver, parseJobIds(query.jobs), roomId);
  const room = await loadRoom(roomId);
  const progress = <RoomJobProgress panels={panels} heading={t("jobs")} />;
  if (!room.data) return progress;
  const r = room.data;
  const block = await readForPage(() => getRoomBlock(admin.creds, roomId));

  return (
    <div className="flex flex-col gap-4">
      {progress}
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <Item label={t("topic")}>{r.topic ?? "—"}</Item>
        <Item label={t("creator")}>{r.creator ? <UserLink userId={r.creator} /> : "—"}</Item>
        <Item label={t("version")}>{r.version ?? "—"}</Item>
        <Item label={t("members")}>
          {t.rich("membersValue", {
            joined: r.joinedMembers,
            local: r.joinedLocalMembers,
            devices: r.joinedLocalDevices,
            n: (chunks) => <span data-testid="overview-members">{chunks}</span>,
          })}
        </Item>
        <Item label={t("joinRule")}>{r.joinRules ?? "—"}</Item>
        <Item label={t("guestAccess")}>{r.guestAccess ?? "—"}</Item>
        <Item label={t("historyVisibility")}>{r.historyVisibility ?? "—"}</Item>
        <Item label={t("encryption")}>{r.encryption ?? t("notEncrypted")}</Item>
        <Item label={t("federatable")}>{r.federatable ? t("yes") : t("localOnly")}</Item>
        <Item label={t("stateEvents")}>{r.stateEvents}</Item>
        <Item label={t("type")}>{r.isSpace ? t("space") : t("room")}</Item>
        {r.tombstoned && (
          <Item label={t("replacedBy")}>
            {r.replacementRoom ? <RoomLink roomId={r.replacementRoom} className="font-mono underline" /> : t("unknownReplacement")}
          </Item>
        )}
        {r.forgotten && <Item label={t("forgotten")}>{t("forgottenValue")}</Item>}
      </dl>

      {can(admin.role, "operator") && (
        <section className="card flex flex-col gap-4" aria-labelledby="moderation-title">
          <h2 id="moderation-title" className="font-semibold">
            {t("moderation")}
          </h2>
          {block.data && <BlockToggle roomId={r.roomId} blocked={block.data.blocked} />}
          <PublishToggle roomId={r.roomId} published={r.published} />
          <RoomUserForm room={r.roomId} kind="make-admin" />
          <RoomUserForm room={r.roomId} kind="force-join" />
        </section>
      )}
      {can(admin.role, "owner") && (
        <>
          <section className="card flex flex-col gap-3" aria-labelledby="purge-title">
            <h2 id="purge-title" className="font-semibold">
              {t("purgeTitle")}
            </h2>
            <PurgeHistoryForm roomId={r.roomId} />
            <p className="text-xs text-muted">{t("utcNow", { now: f.dateTime(new Date()) })}</p>
          </section>

          <section className="card flex flex-col gap-3" aria-labelledby="delete-title">
            <h2 id="delete-title" className="font-semibold">
              {t("deleteTitle")}
            </h2>
            <p className="text-sm text-muted">{t("deleteHelp")}</p>
            <div>
              <DeleteRoomsDialog roomIds={[r.roomId]} what={r.name ? `“${r.name}”` : r.roomId} buttonLabel={t("deleteButton")} followOn="list" />
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="break-all">{children}</dd>
    </>
  );
}

export default withClientMessages("(portal)/rooms/[roomId]", RoomOverviewPage);
