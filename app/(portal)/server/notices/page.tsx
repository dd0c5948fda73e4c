import Link from "next/link";
import { requireAdmin } from "@/lib/auth/require-admin";
import { forHomeserver } from "@/lib/db/tenant";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { NOTICE_BROADCAST_KIND } from "@/lib/jobs/notice-broadcast";
import { assertServerNoticesEnabled } from "@/lib/synapse/user-notices";
import { DataTable } from "@/app/(portal)/_components/data-table";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { readForPage, type PageProps } from "@/app/(portal)/_components/page-read";
import { BroadcastForm } from "../_components/broadcast-form";
import { startedByLabel } from "@/lib/jobs/jobs";
import { withClientMessages } from "@/app/_i18n/client-messages";

async function NoticesPage({ searchParams }: Pick<PageProps<object>, "searchParams">) {
  const admin = await requireAdmin();
  const t = await getTranslations("server.notices");
  const f = await getFormat();
  const columns = [t("broadcast"), t("startedBy"), t("when"), t("status"), { label: t("users"), align: "right" as const }, t("message")];
  const raw = (await searchParams).filter;
  const initialFilter = typeof raw === "string" ? raw : "";
  // A server without `server_notices` gets the how-to, not a form that would fail.
  const enabled = await readForPage(() => assertServerNoticesEnabled(admin.creds), "server notices check");
  const recent = await forHomeserver(admin.homeserver).jobs.list({ kinds: [NOTICE_BROADCAST_KIND] }, { skip: 0, take: 20 });

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">
        {t("intro")}
      </p>
      {enabled.error !== null ? (
        <div data-testid="notices-disabled">
          <ErrorCard message={enabled.error} />
        </div>
      ) : (
        <BroadcastForm initialFilter={initialFilter} />
      )}
      <h3 className="font-semibold">{t("recent")}</h3>
      <DataTable columns={columns} rowCount={recent.rows.length} empty={t("none")}>
        {recent.rows.map((j) => (
          <tr key={j.id} className="border-b border-line align-top" data-testid="broadcast-row">
            <td className="py-2 pr-3">
              <Link href={`/server/notices/${j.id}`} className="underline">
                {t("number", { id: j.id })}
              </Link>
            </td>
            <td className="py-2 pr-3">{startedByLabel(j)}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{f.dateTime(j.createdAt)}</td>
            <td className="py-2 pr-3">{j.status}</td>
            <td className="py-2 pr-3 text-right">
              {f.count(j.done)} / {j.total === null ? "?" : f.count(j.total)}
            </td>
            <td className="py-2 pr-3 break-words">{String((j.params as { text?: string }).text ?? "").slice(0, 80)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export default withClientMessages("(portal)/server/notices", NoticesPage);
