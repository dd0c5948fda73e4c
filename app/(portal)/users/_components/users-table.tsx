"use client";
import { useCan } from "@/app/(portal)/_components/role";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import { useRouter } from "next/navigation";
// Types only: the schema module pulls in zod, which this page's JavaScript budget cannot carry.
import type { BulkAction } from "@/lib/schemas/users";
import type { UserSummary } from "@/lib/synapse/users";
import { matchesManagedPattern } from "@/lib/matrix/managed-users";
import { UserAvatar, UserBadges } from "./user-badges";
import { When } from "./when";
import { startBulkUsersAction } from "../actions";
import { confirmed, Dialog, DialogActions, TypedConfirmation } from "@/app/(portal)/_components/dialog";
import { Options } from "@/app/(portal)/_components/filter-form";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { SelectAllHeader } from "@/app/(portal)/_components/select-all-header";

export type UserRow = Omit<UserSummary, "avatarUrl">;

/** Cannot be undone: typed confirmation (as DESTRUCTIVE_BULK_ACTIONS in lib/schemas/users.ts, kept out of this bundle). */
const TYPED: BulkAction[] = ["deactivate", "erase", "delete-media"];

type Props = {
  rows: UserRow[];
  /** The server's clock, so relative times render the same on the server and in the browser. */
  now: number;
  total: number;
  /** The list's filter as a URL search string: what "all matching" means on the server. */
  filter: string;
  actor: string;
  /** The bulk actions and their labels, from the server (BULK_ACTION_LABELS). */
  labels: Record<BulkAction, string>;
  /** This homeserver's bridge and bot pattern: matching rows get a badge. */
  managedPattern?: string | null;
  /** The header cells after the selection checkbox (sort links, rendered by the server). */
  head: React.ReactNode;
};

/**
 * The users table with row selection and bulk actions. The rows arrive as data rather than as
 * server-rendered markup: with 50–500 rows that halves what the server renders and sends.
 */
export function UsersTable({ rows, now, total, filter, actor, labels, managedPattern, head }: Props) {
  const router = useRouter();
  const t = useTranslations("users.bulk");
  const { count: num } = useFormat();
  const [asking, setAsking] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [action, setAction] = useState<BulkAction>("lock");
  const mayAct = useCan("operator");
  const owner = useCan("owner");
  const shown = owner ? labels : (Object.fromEntries(Object.entries(labels).filter(([a]) => a !== "delete-media")) as Record<BulkAction, string>);
  const [notice, setNotice] = useState("");
  const [typed, setTyped] = useState("");
  const { run: runAction, error, pending, setOutcome } = useAction();

  const count = allMatching ? total : selected.size;
  const includesSelf = !allMatching && selected.has(actor);
  const allOnPage = rows.length > 0 && selected.size === rows.length;

  function toggle(id: string, on: boolean) {
    setAllMatching(false);
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function selectPage(on: boolean) {
    setAllMatching(false);
    setSelected(on ? new Set(rows.map((r) => r.userId)) : new Set());
  }

  async function run() {
    const r = await runAction(() => startBulkUsersAction({ action, ...(allMatching ? { filter } : { userIds: [...selected] }), expectedCount: count, notice }));
    if (!r.ok) return;
    setAsking(false);
    router.push(`/users/bulk/${r.data.jobId}`);
  }

  const needsTyping = TYPED.includes(action);
  const canRun = count > 0 && (!needsTyping || confirmed(String(count), typed)) && (action !== "notice" || notice.trim() !== "");

  return (
    <div className="flex flex-col gap-2">
      <div className="flex min-h-10 flex-wrap items-center gap-3 text-sm" aria-live="polite">
        {!mayAct ? null : count === 0 ? (
          <span className="text-muted">{t("hint")}</span>
        ) : (
          <>
            <span data-testid="selection-count">
              {t(allMatching ? "selectedAll" : "selected", { count })}
            </span>
            {!allMatching && total > selected.size && allOnPage && (
              <button type="button" className="underline" onClick={() => setAllMatching(true)}>
                {t("selectAll", { total: num(total) })}
              </button>
            )}
            <button type="button" className="underline" onClick={() => selectPage(false)}>
              {t("clear")}
            </button>
            <label className="flex items-center gap-2">
              <span>{t("action")}</span>
              <select value={action} onChange={(e) => setAction(e.target.value as BulkAction)} className="field py-1">
                <Options labels={shown} />
              </select>
            </label>
            <button
              type="button"
              aria-haspopup="dialog"
              className="btn-primary py-1"
              onClick={() => {
                setTyped("");
                setOutcome(null);
                setAsking(true);
              }}
            >
              {labels[action]}…
            </button>
          </>
        )}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-line text-muted">
            <tr>
              <SelectAllHeader className="w-8 py-2 pr-2" label={t("selectPage")} checked={allOnPage} onToggle={selectPage} />
              <th className="w-10 py-2 pr-2">
                <span className="sr-only">{t("avatar")}</span>
              </th>
              {head}
            </tr>
          </thead>
          <tbody className="[&_a:hover]:underline [&_td]:py-2 [&_td]:pr-3 [&_tr]:border-b [&_tr]:border-line">
            {rows.map((u) => (
              <tr key={u.userId} data-testid="user-row">
                <td>
                  <input type="checkbox" aria-label={t("selectUser", { userId: u.userId })} checked={allMatching || selected.has(u.userId)} onChange={(e) => toggle(u.userId, e.target.checked)} />
                </td>
                <td>
                  <UserAvatar user={u} />
                </td>
                <td className="col-identity font-mono text-xs break-all">
                  {/* A plain link: hundreds of next/link instances would each prefetch a user page. */}
                  <a href={`/users/${encodeURIComponent(u.userId)}`}>{u.userId}</a>
                </td>
                <td>{u.displayname ?? "—"}</td>
                <td>
                  <UserBadges user={u} managed={matchesManagedPattern(u.userId, managedPattern)} />
                </td>
                <td className="whitespace-nowrap">
                  <When ms={u.createdAt} now={now} />
                </td>
                <td className="whitespace-nowrap">
                  <When ms={u.lastSeenAt} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Dialog title={t("confirmTitle", { action: labels[action], count })} open={asking} onClose={() => setAsking(false)}>
        {allMatching && <p className="text-sm text-muted">{t("managedLeftOut")}</p>}
        {action === "deactivate" && (
          <p>{t("explain.deactivate")}</p>
        )}
        {action === "erase" && (
          <p>{t("explain.erase")}</p>
        )}
        {action === "delete-media" && <p>{t("explain.delete-media")}</p>}
        {action === "logout" && <p>{t("explain.logout")}</p>}
        {action === "lock" && <p>{t("explain.lock")}</p>}
        {includesSelf && (action === "deactivate" || action === "erase" || action === "lock") && (
          <p className="text-amber-800 dark:text-amber-200">{t("selfSkipped")}</p>
        )}
        {action === "notice" && (
          <label className="flex flex-col gap-1">
            <span>{t("noticeText")}</span>
            <textarea value={notice} onChange={(e) => setNotice(e.target.value)} rows={4} className="field" />
          </label>
        )}
        {needsTyping && <TypedConfirmation expected={String(count)} value={typed} onChange={setTyped} numeric />}
        <OutcomeLine error={error} />
        <DialogActions
          onCancel={() => setAsking(false)}
          onConfirm={run}
          label={t("confirmLabel", { action: labels[action], count })}
          pending={pending}
          pendingLabel={t("starting")}
          disabled={!canRun}
        />
      </Dialog>
    </div>
  );
}
