import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import type { AdminContext } from "@/lib/auth/require-admin";
import { readForPage } from "@/app/(portal)/_components/page-read";
import type { UserDetail } from "@/lib/synapse/users";
import { listConnections, listDevices, listPushers } from "@/lib/synapse/user-sessions";
import {
  getAccountData,
  getExperimentalFeatures,
  getMediaSummary,
  getRateLimitOverride,
  listJoinedRooms,
  listMemberships,
} from "@/lib/synapse/user-data";
import { AvatarForm, EditUserForm } from "./edit-user-form";
import { DevicesTable } from "./devices-table";
import { FeaturesForm, RateLimitForm } from "./user-settings";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { TableHead } from "@/app/(portal)/_components/data-table";
import { RoomLink } from "@/app/(portal)/_components/user-link";
import { ModerationTab } from "./moderation-tab";
import { can } from "@/lib/roles";

/** The tabs in their order; their names are user.tabs.<id> in the catalogue. */
export const USER_TABS = ["profile", "devices", "connections", "rooms", "memberships", "pushers", "media", "account-data", "rate-limit", "features", "moderation"] as const;
export type UserTabId = (typeof USER_TABS)[number];

type Props = { tab: UserTabId; user: UserDetail; admin: AdminContext; now: number };

/** One tab of the user page; only that tab's data is fetched. */
export async function UserTab(props: Props) {
  const t = await getTranslations("user.tabs");
  const tab = await readForPage(() => renderTab(props), "user tab read");
  if (tab.error) return <ErrorCard message={tab.error} />;
  return <section aria-label={t(props.tab)}>{tab.data}</section>;
}

async function renderTab({ tab, user, admin, now }: Props) {
  const { creds } = admin;
  const id = user.userId;
  const t = await getTranslations("user.tab");
  const f = await getFormat();
  const time = (ms: number | null) => (ms ? f.dateTime(new Date(ms)) : "—");
  // A viewer reads the same data without the forms (the actions refuse a viewer anyway).
  const mayEdit = can(admin.role, "operator");
  switch (tab) {
    case "profile":
      if (!mayEdit) {
        const { displayname, admin: isAdmin, userType, threepids, externalIds } = user;
        return <Json open title={t("profile")} value={{ displayname, admin: isAdmin, userType, threepids, externalIds }} />;
      }
      return (
        <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
          <EditUserForm
            initial={{
              userId: id,
              displayname: user.displayname ?? "",
              admin: user.admin,
              userType: user.userType ?? "",
              threepids: admin.delegated ? undefined : user.threepids.map((t) => ({ medium: t.medium === "msisdn" ? "msisdn" : "email", address: t.address })),
              externalIds: user.externalIds,
            }}
          />
          <AvatarForm userId={id} hasAvatar={user.avatarUrl !== null && user.avatarUrl !== ""} />
        </div>
      );
    case "devices":
      return (
        <>
          {admin.delegated && <MasOwnedNote text={t("masDevices")} />}
          <DevicesTable userId={id} devices={await listDevices(creds, id)} now={now} masOwned={admin.delegated} />
        </>
      );
    case "connections": {
      const rows = await listConnections(creds, id);
      return (
        <>
          {admin.delegated && <MasOwnedNote text={t("masSessions")} />}
          <Table head={[t("connections.ip"), t("connections.userAgent"), t("connections.lastSeen")]} empty={t("connections.empty")}>
            {rows.map((c, i) => (
              <tr key={i} data-testid="connection-row">
                <td className="font-mono text-xs">{c.ip}</td>
                <td className="text-xs break-all">{c.userAgent}</td>
                <td className="whitespace-nowrap">{time(c.lastSeenAt)}</td>
              </tr>
            ))}
          </Table>
        </>
      );
    }
    case "rooms": {
      const { rooms, total } = await listJoinedRooms(creds, id);
      return (
        <>
          <p className="mb-2 text-sm text-muted">{t("rooms.total", { count: total })}</p>
          <Table head={[t("rooms.room"), t("rooms.name"), t("rooms.members")]} empty={t("rooms.empty")}>
            {rooms.map((r) => (
              <tr key={r.roomId} data-testid="room-row">
                <td className="font-mono text-xs">
                  <RoomLink roomId={r.roomId} className="" />
                </td>
                <td>{r.name ?? r.alias ?? <span className="text-muted">—</span>}</td>
                <td>{r.members ?? "—"}</td>
              </tr>
            ))}
          </Table>
        </>
      );
    }
    case "memberships": {
      const rows = await listMemberships(creds, id);
      return (
        <Table head={[t("memberships.room"), t("memberships.membership")]} empty={t("memberships.empty")}>
          {rows.map((m) => (
            <tr key={m.roomId} data-testid="membership-row">
              <td className="font-mono text-xs">
                <RoomLink roomId={m.roomId} className="" />
              </td>
              <td>{m.membership}</td>
            </tr>
          ))}
        </Table>
      );
    }
    case "pushers": {
      const rows = await listPushers(creds, id);
      return (
        <Table head={[t("pushers.kind"), t("pushers.app"), t("pushers.device"), t("pushers.pushkey"), t("pushers.url"), t("pushers.lang")]} empty={t("pushers.empty")}>
          {rows.map((p) => (
            <tr key={`${p.appId}|${p.pushkey}`} data-testid="pusher-row">
              <td>{p.kind}</td>
              <td>
                {p.appName} <span className="text-xs text-muted">({p.appId})</span>
              </td>
              <td>{p.deviceName}</td>
              <td className="font-mono text-xs break-all">{p.pushkey}</td>
              <td className="text-xs break-all">{p.url ?? "—"}</td>
              <td>{p.lang}</td>
            </tr>
          ))}
        </Table>
      );
    }
    case "media": {
      const m = await getMediaSummary(creds, id);
      return (
        <div className="card flex flex-col gap-2 text-sm">
          <p data-testid="media-summary">
            {Number.isNaN(m.bytes) ? t("media.files", { count: m.count }) : t("media.filesBytes", { count: m.count, bytes: f.bytes(m.bytes) })}
          </p>
          <Link href={`/media/users/${encodeURIComponent(id)}`} className="btn-secondary self-start py-1.5">
            {t("media.manage")}
          </Link>
        </div>
      );
    }
    case "account-data": {
      const data = await getAccountData(creds, id);
      const globalTypes = Object.keys(data.global).sort();
      const rooms = Object.keys(data.rooms).sort();
      return (
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-muted">{t("accountData.summary", { types: globalTypes.length, rooms: rooms.length })}</p>
          {globalTypes.map((t) => (
            <Json key={t} title={t} value={data.global[t]} />
          ))}
          {rooms.map((r) => (
            <Json key={r} title={t("accountData.room", { roomId: r })} value={data.rooms[r]} />
          ))}
        </div>
      );
    }
    case "rate-limit": {
      const current = await getRateLimitOverride(creds, id);
      return mayEdit ? <RateLimitForm userId={id} current={current} /> : <Json open title={t("rateLimit")} value={current} />;
    }
    case "features": {
      const current = await getExperimentalFeatures(creds, id);
      return mayEdit ? <FeaturesForm userId={id} current={current} /> : <Json open title={t("features")} value={current} />;
    }
    case "moderation":
      return <ModerationTab user={user} admin={admin} now={now} />;
  }
}

function MasOwnedNote({ text }: { text: string }) {
  return (
    <p className="card mb-2 text-sm" data-testid="mas-owned-note">
      {text} (<Link href="/mas" className="underline">MAS</Link>)
    </p>
  );
}

function Table({ head, empty, children }: { head: string[]; empty: string; children: React.ReactNode[] }) {
  if (children.length === 0) return <p className="text-muted">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <TableHead columns={head} />
        <tbody className="[&_a:hover]:underline [&_td]:py-2 [&_td]:pr-3 [&_tr]:border-b [&_tr]:border-line">{children}</tbody>
      </table>
    </div>
  );
}

function Json({ title, value, open }: { title: string; value: unknown; open?: boolean }) {
  return (
    <details className="card" open={open}>
      <summary className="cursor-pointer font-mono text-xs">{title}</summary>
      <pre className="mt-2 max-h-96 overflow-auto text-xs">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
