import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { roomJobPanels } from "@/lib/jobs/room-tasks";
import { getRoomBlocks, listRooms } from "@/lib/synapse/rooms";
import {
  effectiveOrder,
  parseJobIds,
  ROOM_PAGE_SIZES,
  ROOM_SORTS,
  roomListHref,
  roomListQuerySchema,
  synapseDir,
  type RoomSort,
} from "@/lib/schemas/rooms";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { BlockByIdForm } from "./_components/block-by-id-form";
import { RoomJobProgress } from "./_components/room-job-progress";
import { RoomTable, type RoomColumn } from "./_components/room-table";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { Pager } from "@/app/(portal)/_components/data-table";
import { withClientMessages } from "@/app/_i18n/client-messages";

/** The table's sortable columns (each header is the column's sort label, "Version" aside). */
const COLUMNS: RoomSort[] = ["name", "joined_members", "joined_local_members", "state_events", "version", "creator", "encryption", "federatable", "public", "join_rules"];

const tri = (v: "any" | "yes" | "no") => (v === "any" ? undefined : v === "yes");

async function RoomsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const t = await getTranslations("rooms");
  const f = await getFormat();
  const raw = await searchParams;
  const q = roomListQuerySchema.parse(raw);
  const order = effectiveOrder(q);

  const panels = await roomJobPanels(admin.homeserver, parseJobIds(raw.jobs));

  const page = await readForPage(async () => {
    const list = await listRooms(admin.creds, {
      search: q.q || undefined,
      orderBy: q.sort,
      dir: synapseDir(q.sort, order),
      from: (q.page - 1) * q.size,
      limit: q.size,
      publicRooms: tri(q.published),
      emptyRooms: tri(q.empty),
    });
    const blocks = await getRoomBlocks(admin.creds, list.rooms.map((r) => r.roomId)).catch(() => new Map<string, boolean>());
    return { ...list, rows: list.rooms.map((r) => ({ ...r, blocked: blocks.get(r.roomId) ?? null })) };
  });
  const total = page.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / q.size));

  const headers: RoomColumn[] = COLUMNS.map((sort) => ({
    label: sort === "version" ? t("list.versionColumn") : t(`sorts.${sort}`),
    sorted: q.sort === sort ? order : null,
    href: roomListHref(q, { sort, order: q.sort === sort ? (order === "asc" ? "desc" : "asc") : undefined, page: 1 }),
  }));

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("list.title")}</h1>
      <p className="flex gap-4 text-sm">
        <Link href="/rooms/events">{t("list.findEvent")}</Link>
        <Link href="/rooms/largest">{t("largest.title")}</Link>
      </p>
      <RoomJobProgress panels={panels} heading={t("jobs.listHeading")} />

      <FilterForm label={t("list.filter.label")} clearHref="/rooms" submit={t("list.filter.apply")}>
        <TextFilter name="q" label={t("list.filter.search")} value={q.q} placeholder={t("list.filter.searchPlaceholder")} className="min-w-64" />
        <SelectFilter
          name="published"
          label={t("sorts.public")}
          value={q.published}
          options={{ any: t("list.filter.any"), yes: t("list.filter.inDirectory"), no: t("list.filter.notInDirectory") }}
        />
        <SelectFilter name="empty" label={t("sorts.joined_members")} value={q.empty} options={{ any: t("list.filter.any"), no: t("list.filter.withMembers"), yes: t("list.filter.empty") }} />
        <SelectFilter name="sort" label={t("list.filter.sortBy")} value={q.sort} options={Object.fromEntries(Object.keys(ROOM_SORTS).map((k) => [k, t(`sorts.${k as RoomSort}`)]))} />
        <SelectFilter name="order" label={t("list.filter.order")} value={order} options={{ asc: t("list.filter.asc"), desc: t("list.filter.desc") }} />
        <SelectFilter name="size" label={t("list.filter.perPage")} value={String(q.size)} options={Object.fromEntries(ROOM_PAGE_SIZES.map((n) => [String(n), String(n)]))} />
      </FilterForm>

      <ErrorCard message={page.error} />
      <p className="text-sm text-muted" data-testid="rooms-total" data-total={total}>
        {q.q
          ? t("list.summaryMatching", { count: total, total: f.count(total), search: q.q, sort: t(`sortedBy.${q.sort}`), order })
          : t("list.summary", { count: total, total: f.count(total), sort: t(`sortedBy.${q.sort}`), order })}
      </p>
      <RoomTable rows={page.data?.rows ?? []} headers={headers} />
      <Pager page={q.page} pages={pages} href={(p) => roomListHref(q, { page: p })} />
      <BlockByIdForm />
    </section>
  );
}

export default withClientMessages("(portal)/rooms", RoomsPage);
