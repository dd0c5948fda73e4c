import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMessage } from "@/lib/i18n/hooks";
import type { JobItemRecord } from "@/lib/db/tenant";
import { Pager } from "./data-table";

const TONE: Record<JobItemRecord["status"], string> = { pending: "text-muted", "in-flight": "text-muted", ok: "text-ok", failed: "text-danger", skipped: "text-muted" };

/**
 * One section of a job's per-user (or per-room) results (failed, succeeded, ...), a page at a time. Each user links to
 * their page. `href(page)` keeps the other sections' pages in the URL.
 */
export function JobUserItems(props: { title: string; rows: JobItemRecord[]; total: number; page: number; pageSize: number; href: (page: number) => string; items?: "users" | "rooms" }) {
  const render = useMessage(); // stored outcomes are message references (lib/i18n/message.ts)
  const unit = props.items ?? "users";
  const t = useTranslations("jobs.items");
  if (props.total === 0) return null;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <div className="flex flex-col gap-2">
      <h2 className="text-lg font-semibold">
        {t("title", { title: props.title, count: props.total })}
      </h2>
      <table className="w-full text-left text-sm" aria-label={t("tableLabel", { title: props.title, unit: t(`unit.${unit}`) })}>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id} className="border-b border-line" data-testid="bulk-result" data-status={r.status}>
              <td className="py-1.5 pr-3 font-mono text-xs">
                <Link href={`/${unit}/${encodeURIComponent(r.key)}`} className="hover:underline">
                  {r.key}
                </Link>
              </td>
              <td className={`py-1.5 pr-3 ${TONE[r.status]}`}>{t(`status.${r.status}`)}</td>
              <td className="py-1.5 pr-3">{r.status === "in-flight" || !r.message ? null : render(r.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && <Pager page={props.page} pages={pages} href={props.href} />}
    </div>
  );
}
