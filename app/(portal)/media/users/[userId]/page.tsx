import { listUserMedia } from "@/lib/synapse/media";
import { openPage, readForPage } from "@/app/(portal)/_components/page-read";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { MEDIA_PAGE_SIZE, userMediaQuerySchema, userScopeSchema, type UserMediaQuery } from "@/lib/schemas/media";
import { MediaTable } from "../../_components/media-table";
import { DeleteAllUserMedia, QuarantineAll } from "../../_components/bulk-actions";
import { MediaSortLinks } from "../../_components/media-sort-links";
import { MediaScopePage } from "../../_components/media-scope-page";
import { Pager } from "@/app/(portal)/_components/data-table";
import type { PageProps } from "@/app/(portal)/_components/page-read";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function UserMediaPage(props: PageProps<{ userId: string }>) {
  const { admin, value: userId, query } = await openPage(props, "userId");
  const t = await getTranslations("media.userPage");
  const f = await getFormat();
  const q = userMediaQuerySchema.parse(query);
  const valid = userScopeSchema.safeParse({ userId });
  const { data: page, error } = valid.success
    ? await readForPage(() => listUserMedia(admin.creds, userId, { from: (q.page - 1) * MEDIA_PAGE_SIZE, limit: MEDIA_PAGE_SIZE, orderBy: q.sort, dir: q.dir }))
    : { data: null, error: t("invalid", { userId }) };
  const pages = Math.max(1, Math.ceil((page?.total ?? 0) / MEDIA_PAGE_SIZE));
  const href = (patch: Partial<UserMediaQuery>) => userMediaHref(userId, { ...q, ...patch });
  const pageBytes = page?.files.reduce((s, f) => s + f.size, 0) ?? 0;

  return (
    <MediaScopePage crumb="user" title={t("title", { userId })} error={error}>
      {page && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm" data-testid="user-media-total">
              {t("total", { count: page.total })}
              {page.files.length > 0 && <span className="text-muted">{t("pageBytes", { bytes: f.bytes(pageBytes) })}</span>}
            </p>
            <div className="ml-auto flex flex-wrap items-center gap-2">
              <QuarantineAll owner={{ userId }} />
              <DeleteAllUserMedia userId={userId} files={page.total} />
            </div>
          </div>
          <MediaSortLinks sort={q.sort} dir={q.dir} href={(sort, dir) => href({ sort, dir, page: 1 })} />
          <MediaTable rows={page.files.map((f) => ({ server: f.server, mediaId: f.mediaId, file: f }))} scope={userId} />
          <Pager page={q.page} pages={pages} href={(page) => href({ page })} />
        </>
      )}
    </MediaScopePage>
  );
}

function userMediaHref(userId: string, q: UserMediaQuery): string {
  const p = new URLSearchParams({ sort: q.sort, dir: q.dir });
  if (q.page > 1) p.set("page", String(q.page));
  return `/media/users/${encodeURIComponent(userId)}?${p}`;
}

export default withClientMessages("(portal)/media/users/[userId]", UserMediaPage);
