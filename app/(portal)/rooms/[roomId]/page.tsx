import { roomJobPanels } from "@/lib/jobs/room-tasks";
import { can } from "@/lib/roles";
import { getRoomBlock } from "@/lib/synapse/rooms";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { parseJobIds } from "@/lib/schemas/rooms";
import { formatDateTime } from "@/lib/format";
import { openPage, readForPage } from "@/app/(portal)/_components/page-read";
import { loadRoom } from "../_components/room-tab";
import { DeleteRoomsDialog } from "../_components/delete-rooms-dialog";
import { RoomJobProgress } from "../_components/room-job-progress";
import { BlockToggle, PublishToggle, RoomUserForm } from "../_components/moderation";
import { PurgeHistoryForm } from "../_components/purge-history-form";
import { RoomLink, UserLink } from "@/app/(portal)/_components/user-link";
import type { PageProps } from "@/app/(portal)/_components/page-read";

export default async function RoomOverviewPage(props: PageProps<{ roomId: string }>) {
  const { admin, value: roomId, query } = await openPage(props, "roomId");
  if (!parseRoomRef(roomId, false).ok) return null;
  const panels = await roomJobPanels(admin.homeserver, parseJobIds(query.jobs), roomId);
  const room = await loadRoom(roomId);
  const progress = <RoomJobProgress panels={panels} heading="Jobs for this room" />;
  if (!room.data) return progress;
  const r = room.data;
  const block = await readForPage(() => getRoomBlock(admin.creds, roomId));

  return (
    <div className="flex flex-col gap-4">
      {progress}
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <Item label="Topic">{r.topic ?? "—"}</Item>
        <Item label="Creator">{r.creator ? <UserLink userId={r.creator} /> : "—"}</Item>
        <Item label="Room version">{r.version ?? "—"}</Item>
        <Item label="Members">
          <span data-testid="overview-members">{r.joinedMembers}</span> joined, {r.joinedLocalMembers} of them local, on {r.joinedLocalDevices} local devices
        </Item>
        <Item label="Join rule">{r.joinRules ?? "—"}</Item>
        <Item label="Guest access">{r.guestAccess ?? "—"}</Item>
        <Item label="History visibility">{r.historyVisibility ?? "—"}</Item>
        <Item label="Encryption">{r.encryption ?? "not encrypted"}</Item>
        <Item label="Federatable">{r.federatable ? "yes" : "no (local users only)"}</Item>
        <Item label="State events">{r.stateEvents}</Item>
        <Item label="Room type">{r.isSpace ? "space" : "room"}</Item>
        {r.tombstoned && (
          <Item label="Replaced by">
            {r.replacementRoom ? (
              <RoomLink roomId={r.replacementRoom} className="font-mono underline" />
            ) : (
              "an unknown room (tombstoned)"
            )}
          </Item>
        )}
        {r.forgotten && <Item label="Forgotten">every local member has forgotten this room</Item>}
      </dl>

      {can(admin.role, "operator") && (
        <section className="card flex flex-col gap-4" aria-labelledby="moderation-title">
          <h2 id="moderation-title" className="font-semibold">
            Moderation
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
              Purge chat history
            </h2>
            <PurgeHistoryForm roomId={r.roomId} />
            <p className="text-xs text-muted">Times are UTC. Now: {formatDateTime(new Date())}.</p>
          </section>

          <section className="card flex flex-col gap-3" aria-labelledby="delete-title">
            <h2 id="delete-title" className="font-semibold">
              Delete room
            </h2>
            <p className="text-sm text-muted">Removes every local member and, by default, purges the room from the database. The options are explained in the dialog.</p>
            <div>
              <DeleteRoomsDialog roomIds={[r.roomId]} what={r.name ? `“${r.name}”` : r.roomId} buttonLabel="Delete room…" followOn="list" />
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
