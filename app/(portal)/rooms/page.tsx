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
import { formatCount } from "@/lib/format";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { BlockByIdForm } from "./_components/block-by-id-form";
import { RoomJobProgress } from "./_components/room-job-progress";
import { RoomTable, type RoomColumn } from "./_components/room-table";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { Pager } from "@/app/(portal)/_components/data-table";

const COLUMNS: { label: string; sort?: RoomSort }[] = [
  { label: "Name", sort: "name" },
  { label: "Members", sort: "joined_members" },
  { label: "Local members", sort: "joined_local_members" },
  { label: "State events", sort: "state_events" },
  { label: "Version", sort: "version" },
  { label: "Creator", sort: "creator" },
  { label: "Encryption", sort: "encryption" },
  { label: "Federatable", sort: "federatable" },
  { label: "Published", sort: "public" },
  { label: "Join rule", sort: "join_rules" },
];

const tri = (v: "any" | "yes" | "no") => (v === "any" ? undefined : v === "yes");

export default async function RoomsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
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

  const headers: RoomColumn[] = COLUMNS.map((c) =>
    c.sort
      ? {
          label: c.label,
          sorted: q.sort === c.sort ? order : null,
          href: roomListHref(q, { sort: c.sort, order: q.sort === c.sort ? (order === "asc" ? "desc" : "asc") : undefined, page: 1 }),
        }
      : { label: c.label },
  );

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Rooms</h1>
      <p className="flex gap-4 text-sm">
        <Link href="/rooms/events">Find an event by ID</Link>
        <Link href="/rooms/largest">Largest rooms by database size</Link>
      </p>
      <RoomJobProgress panels={panels} heading="Room deletes and history purges" />

      <FilterForm label="Find rooms" clearHref="/rooms" submit="Apply">
        <TextFilter name="q" label="Search" value={q.q} placeholder="name, alias or exact room ID" className="min-w-64" />
        <SelectFilter name="published" label="Published" value={q.published} options={{ any: "Any", yes: "In the directory", no: "Not in the directory" }} />
        <SelectFilter name="empty" label="Members" value={q.empty} options={{ any: "Any", no: "With members", yes: "Empty" }} />
        <SelectFilter name="sort" label="Sort by" value={q.sort} options={Object.fromEntries(Object.entries(ROOM_SORTS).map(([k, v]) => [k, v.label]))} />
        <SelectFilter name="order" label="Order" value={order} options={{ asc: "Ascending", desc: "Descending" }} />
        <SelectFilter name="size" label="Per page" value={String(q.size)} options={Object.fromEntries(ROOM_PAGE_SIZES.map((n) => [String(n), String(n)]))} />
      </FilterForm>

      <ErrorCard message={page.error} />
      <p className="text-sm text-muted" data-testid="rooms-total" data-total={total}>
        {formatCount(total)} rooms{q.q ? ` matching “${q.q}”` : ""}, sorted by {ROOM_SORTS[q.sort].label.toLowerCase()} ({order === "asc" ? "ascending" : "descending"})
      </p>
      <RoomTable rows={page.data?.rows ?? []} headers={headers} />
      <Pager page={q.page} pages={pages} href={(p) => roomListHref(q, { page: p })} />
      <BlockByIdForm />
    </section>
  );
}

