import Link from "next/link";
import { requireAdminWhile } from "@/lib/auth/require-admin";
import { can } from "@/lib/roles";
import { listUsers } from "@/lib/synapse/users";
import { forHomeserver } from "@/lib/db/tenant";
import { readForPage } from "../_components/page-read";
import {
  BULK_ACTION_LABELS,
  filterOf,
  HIDEABLE_USER_TYPES,
  PAGE_SIZES,
  USER_SORT_LABELS,
  USER_SORTS,
  usersHref,
  usersQuerySchema,
  usersSearchParams,
  type UserSort,
  type UsersQuery,
} from "@/lib/schemas/users";
import { formatCount } from "@/lib/format";
import { UsersTable } from "./_components/users-table";
import { FindUserForm } from "./_components/find-user-form";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { nextSortDir, SortHeader, type SortDir } from "../_components/sort-header";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const q = usersQuerySchema.parse(await searchParams);
  const now = Date.now();
  const [admin, listed] = await requireAdminWhile((a) => readForPage(() => listUsers(a.creds, filterOf(q), { offset: (q.page - 1) * q.size, limit: q.size }, now), "users list read"));
  const data = listed.data ?? { users: [], total: 0 };
  const error = listed.error;
  const pages = Math.max(1, Math.ceil(data.total / q.size));
  const filterSearch = usersSearchParams({ ...filterOf(q) }).toString();
  const inactive = q.inactive !== undefined;

  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Users</h1>
        <span className="text-sm text-muted" data-testid="users-total">
          {formatCount(data.total)} {data.total === 1 ? "user" : "users"}
        </span>
        <div className="ml-auto flex flex-wrap gap-2 text-sm">
          {can(admin.role, "operator") && (
            <>
              <Link href="/users/new" className="btn-primary py-1.5">
                Create user
              </Link>
              <Link href="/users/import" className="btn-secondary py-1.5">
                CSV Import
              </Link>
            </>
          )}
          <a href={`/users/export${filterSearch ? `?${filterSearch}` : ""}`} className="btn-secondary py-1.5" download>
            Export CSV
          </a>
        </div>
      </div>

      {/* Keyed by the URL: uncontrolled fields would otherwise keep stale values after Back or Clear. */}
      <UsersFilterForm key={usersSearchParams(q).toString()} q={q} />
      <FindUserForm />

      <ErrorCard message={error} />
      {inactive && (
        <p className="text-sm text-muted">
          Users not seen in the last {q.inactive} days (never-seen users included), oldest activity first.
        </p>
      )}

      <UsersTable
        key={`${filterSearch}|${q.page}|${q.size}`}
        rows={data.users.map(({ avatarUrl: _avatarUrl, ...row }) => row)}
        now={now}
        total={data.total}
        filter={filterSearch}
        actor={admin.actor}
        labels={BULK_ACTION_LABELS}
        managedPattern={(await forHomeserver(admin.homeserver).settings.get()).managedUserPattern}
        head={
          <>
            <UserSortHeader q={q} sort="name" />
            <UserSortHeader q={q} sort="displayname" />
            <th className="py-2 pr-3">Status</th>
            <UserSortHeader q={q} sort="creation_ts" />
            <UserSortHeader q={q} sort="last_seen_ts" />
          </>
        }
      />
      {data.users.length === 0 && !error && <p className="py-6 text-center text-sm text-muted">No users match.</p>}

      <nav aria-label="Pages" className="flex flex-wrap items-center gap-3 text-sm">
        {q.page > 1 && <Link href={usersHref({ ...q, page: 1 })}>« First</Link>}
        {q.page > 1 && <Link href={usersHref({ ...q, page: q.page - 1 })}>‹ Previous</Link>}
        <span>
          Page {formatCount(q.page)} of {formatCount(pages)}
        </span>
        {q.page < pages && <Link href={usersHref({ ...q, page: q.page + 1 })}>Next ›</Link>}
        {q.page < pages && <Link href={usersHref({ ...q, page: pages })}>Last »</Link>}
      </nav>
    </section>
  );
}

/** "Inactive for N days" lists by last seen, oldest first, whatever the sort in the URL says. */
function UserSortHeader({ q, sort }: { q: UsersQuery; sort: UserSort }) {
  const active = q.inactive === undefined ? q.sort === sort : sort === "last_seen_ts";
  const dir: SortDir = q.inactive === undefined ? q.dir : "asc";
  const href = usersHref({ ...q, sort, dir: nextSortDir(active, dir, "asc"), page: 1, inactive: undefined });
  return <SortHeader label={USER_SORT_LABELS[sort]} href={href} sorted={active ? dir : null} />;
}

function UsersFilterForm({ q }: { q: UsersQuery }) {
  return (
    <FilterForm label="Filter users" clearHref="/users" action="/users" submit="Apply">
      <TextFilter name="q" type="search" grow label="Search" value={q.q} placeholder="name, display name or @user:server" />
      <SelectFilter name="deactivated" label="Deactivated" value={q.deactivated} options={{ all: "Show", exclude: "Hide", only: "Only" }} />
      <SelectFilter name="admins" label="Admins" value={q.admins} options={{ all: "Show", exclude: "Hide", only: "Only" }} />
      <SelectFilter name="guests" label="Guests" value={q.guests} options={{ include: "Show", exclude: "Hide" }} />
      <SelectFilter name="locked" label="Locked" value={q.locked} options={{ include: "Show", exclude: "Hide" }} />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1">Hide types</legend>
        <div className="flex gap-3 py-1.5">
          {HIDEABLE_USER_TYPES.map((t) => (
            <label key={t} className="flex items-center gap-1">
              <input type="checkbox" name="hide" value={t} defaultChecked={q.hide.includes(t)} />
              {t}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex w-36 flex-col gap-1">
        <span>Inactive for (days)</span>
        <input name="inactive" type="number" min={1} max={36500} defaultValue={q.inactive ?? ""} placeholder="any" className="field" />
      </label>
      <SelectFilter name="sort" label="Sort by" value={q.sort} options={Object.fromEntries(USER_SORTS.map((s) => [s, USER_SORT_LABELS[s]]))} />
      <SelectFilter name="dir" label="Order" value={q.dir} options={{ asc: "Ascending", desc: "Descending" }} />
      <SelectFilter
        name="size"
        label="Per page"
        value={String(q.size)}
        options={Object.fromEntries([...new Set([...PAGE_SIZES, q.size])].sort((a, b) => a - b).map((n) => [String(n), String(n)]))}
      />
    </FilterForm>
  );
}
