import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdminWhile } from "@/lib/auth/require-admin";
import { can } from "@/lib/roles";
import { listUsers } from "@/lib/synapse/users";
import { forHomeserver } from "@/lib/db/tenant";
import { readForPage } from "../_components/page-read";
import {
  BULK_ACTIONS,
  filterOf,
  HIDEABLE_USER_TYPES,
  PAGE_SIZES,
  USER_SORTS,
  usersHref,
  usersQuerySchema,
  usersSearchParams,
  type UserSort,
  type UsersQuery,
} from "@/lib/schemas/users";
import { getFormat } from "@/lib/i18n/server";
import { UsersTable } from "./_components/users-table";
import { FindUserForm } from "./_components/find-user-form";
import { FilterForm, SelectFilter, TextFilter } from "../_components/filter-form";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { nextSortDir, SortHeader, type SortDir } from "../_components/sort-header";
import { withClientMessages } from "@/app/_i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const q = usersQuerySchema.parse(await searchParams);
  const now = Date.now();
  const [admin, listed] = await requireAdminWhile((a) => readForPage(() => listUsers(a.creds, filterOf(q), { offset: (q.page - 1) * q.size, limit: q.size }, now), "users list read"));
  const data = listed.data ?? { users: [], total: 0 };
  const error = listed.error;
  const pages = Math.max(1, Math.ceil(data.total / q.size));
  const filterSearch = usersSearchParams({ ...filterOf(q) }).toString();
  const inactive = q.inactive !== undefined;
  const t = await getTranslations("users");
  const tb = await getTranslations("userBulk");
  const { count } = await getFormat();

  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <span className="text-sm text-muted" data-testid="users-total">
          {t("total", { count: data.total })}
        </span>
        <div className="ml-auto flex flex-wrap gap-2 text-sm">
          {can(admin.role, "operator") && (
            <>
              <Link href="/users/new" className="btn-primary py-1.5">
                {t("createUser")}
              </Link>
              <Link href="/users/import" className="btn-secondary py-1.5">
                {t("csvImport")}
              </Link>
            </>
          )}
          <a href={`/users/export${filterSearch ? `?${filterSearch}` : ""}`} className="btn-secondary py-1.5" download>
            {t("exportCsv")}
          </a>
        </div>
      </div>

      {/* Keyed by the URL: uncontrolled fields would otherwise keep stale values after Back or Clear. */}
      <UsersFilterForm key={usersSearchParams(q).toString()} q={q} />
      <FindUserForm />

      <ErrorCard message={error} />
      {inactive && (
        <p className="text-sm text-muted">
          {t("inactiveNote", { days: q.inactive! })}
        </p>
      )}

      <UsersTable
        key={`${filterSearch}|${q.page}|${q.size}`}
        rows={data.users.map(({ avatarUrl: _avatarUrl, ...row }) => row)}
        now={now}
        total={data.total}
        filter={filterSearch}
        actor={admin.actor}
        labels={Object.fromEntries(BULK_ACTIONS.map((a) => [a, tb(`actions.${a}`)])) as Record<(typeof BULK_ACTIONS)[number], string>}
        managedPattern={(await forHomeserver(admin.homeserver).settings.get()).managedUserPattern}
        head={
          <>
            <UserSortHeader q={q} sort="name" />
            <UserSortHeader q={q} sort="displayname" />
            <th className="py-2 pr-3">{t("columns.status")}</th>
            <UserSortHeader q={q} sort="creation_ts" />
            <UserSortHeader q={q} sort="last_seen_ts" />
          </>
        }
      />
      {data.users.length === 0 && !error && <p className="py-6 text-center text-sm text-muted">{t("empty")}</p>}

      <nav aria-label={t("pager.label")} className="flex flex-wrap items-center gap-3 text-sm">
        {q.page > 1 && <Link href={usersHref({ ...q, page: 1 })}>{t("pager.first")}</Link>}
        {q.page > 1 && <Link href={usersHref({ ...q, page: q.page - 1 })}>{t("pager.previous")}</Link>}
        <span>
          {t("pager.page", { page: count(q.page), pages: count(pages) })}
        </span>
        {q.page < pages && <Link href={usersHref({ ...q, page: q.page + 1 })}>{t("pager.next")}</Link>}
        {q.page < pages && <Link href={usersHref({ ...q, page: pages })}>{t("pager.last")}</Link>}
      </nav>
    </section>
  );
}

/** "Inactive for N days" lists by last seen, oldest first, whatever the sort in the URL says. */
async function UserSortHeader({ q, sort }: { q: UsersQuery; sort: UserSort }) {
  const t = await getTranslations("users");
  const active = q.inactive === undefined ? q.sort === sort : sort === "last_seen_ts";
  const dir: SortDir = q.inactive === undefined ? q.dir : "asc";
  const href = usersHref({ ...q, sort, dir: nextSortDir(active, dir, "asc"), page: 1, inactive: undefined });
  return <SortHeader label={t(`sorts.${sort}`)} href={href} sorted={active ? dir : null} />;
}

async function UsersFilterForm({ q }: { q: UsersQuery }) {
  const t = await getTranslations("users.filters");
  const tu = await getTranslations("users");
  const showHideOnly = { all: t("show"), exclude: t("hide"), only: t("only") };
  const showHide = { include: t("show"), exclude: t("hide") };
  return (
    <FilterForm label={t("label")} clearHref="/users" action="/users" submit={t("apply")}>
      <TextFilter name="q" type="search" grow label={t("search")} value={q.q} placeholder={t("searchPlaceholder")} />
      <SelectFilter name="deactivated" label={t("deactivated")} value={q.deactivated} options={showHideOnly} />
      <SelectFilter name="admins" label={t("admins")} value={q.admins} options={showHideOnly} />
      <SelectFilter name="guests" label={t("guests")} value={q.guests} options={showHide} />
      <SelectFilter name="locked" label={t("locked")} value={q.locked} options={showHide} />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1">{t("hideTypes")}</legend>
        <div className="flex gap-3 py-1.5">
          {HIDEABLE_USER_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-1">
              <input type="checkbox" name="hide" value={type} defaultChecked={q.hide.includes(type)} />
              {t(`types.${type}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex w-36 flex-col gap-1">
        <span>{t("inactive")}</span>
        <input name="inactive" type="number" min={1} max={36500} defaultValue={q.inactive ?? ""} placeholder={t("inactiveAny")} className="field" />
      </label>
      <SelectFilter name="sort" label={t("sortBy")} value={q.sort} options={Object.fromEntries(USER_SORTS.map((s) => [s, tu(`sorts.${s}`)]))} />
      <SelectFilter name="dir" label={t("order")} value={q.dir} options={{ asc: t("asc"), desc: t("desc") }} />
      <SelectFilter
        name="size"
        label={t("perPage")}
        value={String(q.size)}
        options={Object.fromEntries([...new Set([...PAGE_SIZES, q.size])].sort((a, b) => a - b).map((n) => [String(n), String(n)]))}
      />
    </FilterForm>
  );
}

export default withClientMessages("(portal)/users", UsersPage);
