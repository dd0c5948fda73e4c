import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getRoomMembers } from "@/lib/synapse/rooms";
import { serverNameOf } from "@/lib/matrix/mxid";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { roomTab } from "../../_components/room-tab";
import { UserLink } from "@/app/(portal)/_components/user-link";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { Pager } from "@/app/(portal)/_components/data-table";
import type { PageProps } from "@/app/(portal)/_components/page-read";

const PAGE_SIZE = 100;

export default async function RoomMembersPage(props: PageProps<{ roomId: string }>) {
  const tab = await roomTab(props);
  if (!tab) return null;
  const { admin, roomId, query } = tab;
  const t = await getTranslations("room.members");
  const localOnly = query.local === "1";
  const page = Math.max(1, Math.min(100_000, Number(query.page) || 1));
  const members = await readForPage(() => getRoomMembers(admin.creds, roomId));
  const localServer = serverNameOf(admin.actor);
  const isLocal = (id: string) => serverNameOf(id) === localServer;
  const all = members.data ?? [];
  const shown = (localOnly ? all.filter(isLocal) : all).slice().sort();
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const base = `/rooms/${encodeURIComponent(roomId)}/members`;
  const href = (local: boolean, p = 1) => `${base}?${new URLSearchParams({ ...(local ? { local: "1" } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <div className="flex flex-col gap-3">
      <ErrorCard message={members.error} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="member-count">
          {t(localOnly ? "countLocal" : "count", { count: shown.length })}
        </span>
        <nav aria-label={t("filter")} className="flex gap-2">
          <Link href={href(false)} aria-current={!localOnly ? "page" : undefined} className={!localOnly ? "font-semibold" : "underline"}>
            {t("all")}
          </Link>
          <Link href={href(true)} aria-current={localOnly ? "page" : undefined} className={localOnly ? "font-semibold" : "underline"}>
            {t("localOnly")}
          </Link>
        </nav>
        <span className="text-muted">{t("joinedOnly")}</span>
      </div>
      <ul className="card flex flex-col gap-1 text-sm" aria-label={t("label")}>
        {shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((id) => (
          <li key={id} data-testid="member" className="flex gap-2">
            <UserLink userId={id} />
            <span className="text-xs text-muted">{isLocal(id) ? t("local") : t("remote")}</span>
          </li>
        ))}
        {shown.length === 0 && <li className="text-muted">{t("none")}</li>}
      </ul>
      {pages > 1 && <Pager page={page} pages={pages} href={(p) => href(localOnly, p)} />}
    </div>
  );
}
