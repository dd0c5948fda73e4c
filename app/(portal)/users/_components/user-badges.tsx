import { useTranslations } from "next-intl";
import type { UserSummary } from "@/lib/synapse/users";

const STYLE: Record<string, string> = {
  admin: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  guest: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200",
  deactivated: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
  locked: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200",
  suspended: "bg-orange-100 text-orange-900 dark:bg-orange-900/40 dark:text-orange-200",
  "shadow-banned": "bg-purple-100 text-purple-900 dark:bg-purple-900/40 dark:text-purple-200",
  erased: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
  managed: "bg-indigo-100 text-indigo-900 dark:bg-indigo-900/40 dark:text-indigo-200",
  type: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
};

/** managed: a bridge or bot account (lib/matrix/managed-users.ts). */
export function UserBadges({ user, suspended, managed }: { user: Omit<UserSummary, "avatarUrl">; suspended?: boolean; managed?: boolean }) {
  const t = useTranslations("users.badges");
  const badges: [string, string][] = [];
  if (managed) badges.push(["managed", t("managed")]);
  if (user.admin) badges.push(["admin", t("admin")]);
  if (user.isGuest) badges.push(["guest", t("guest")]);
  if (user.userType) badges.push(["type", user.userType]);
  if (user.deactivated) badges.push(["deactivated", t("deactivated")]);
  if (user.locked) badges.push(["locked", t("locked")]);
  if (suspended) badges.push(["suspended", t("suspended")]);
  if (user.shadowBanned) badges.push(["shadow-banned", t("shadowBanned")]);
  if (user.erased) badges.push(["erased", t("erased")]);
  if (badges.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {badges.map(([kind, text]) => (
        <span key={kind} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[kind]}`} data-badge={kind}>
          {text}
        </span>
      ))}
    </span>
  );
}

/** The avatar through the portal's media proxy (Synapse's media needs the admin's token), or an initial. */
export function UserAvatar({ user, size = 32 }: { user: Pick<UserSummary, "avatar" | "displayname" | "localpart">; size?: number }) {
  const initial = (user.displayname || user.localpart).slice(0, 1).toUpperCase();
  if (!user.avatar) {
    return (
      <span aria-hidden="true" className={`inline-flex items-center justify-center rounded-full bg-canvas text-muted ${size > 32 ? "size-16 text-2xl" : "size-8 text-xs"}`}>
        {initial}
      </span>
    );
  }
  const src = `/api/media/${encodeURIComponent(user.avatar.server)}/${encodeURIComponent(user.avatar.mediaId)}?thumb=${size}x${size}`;
  // eslint-disable-next-line @next/next/no-img-element -- a proxied thumbnail; next/image would refetch it without the session
  return <img src={src} alt="" width={size} height={size} loading="lazy" className="rounded-full object-cover" style={{ width: size, height: size }} />;
}
