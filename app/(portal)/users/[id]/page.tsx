import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getUser } from "@/lib/synapse/users";
import { passwordPolicyHint } from "@/lib/synapse/password-policy";
import { readForPage } from "@/app/(portal)/_components/page-read";
import { parseMxid, serverNameOf } from "@/lib/matrix/mxid";
import { UserAvatar, UserBadges } from "../_components/user-badges";
import { When } from "../_components/when";
import { UserActions } from "../_components/user-actions";
import { forHomeserver } from "@/lib/db/tenant";
import { managedReason } from "@/lib/matrix/managed-users";
import { can } from "@/lib/roles";
import { ServerNoticeButton } from "../_components/server-notice-form";
import { USER_TABS, UserTab, type UserTabId } from "../_components/user-tabs";
import { ErrorCard } from "@/app/(portal)/_components/error-card";
import { NavTabs } from "@/app/(portal)/_components/nav-tabs";
import { withClientMessages } from "@/app/_i18n/client-messages";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const t = await getTranslations("user");
  const raw = (await params).id;
  return { title: t("metaTitle", { userId: raw.startsWith("%40") ? decodeURIComponent(raw) : raw }) };
}

async function UserPage({ params, searchParams }: Props) {
  const admin = await requireAdmin();
  const raw = (await params).id;
  const userId = raw.startsWith("%40") ? decodeURIComponent(raw) : raw;
  const tabParam = (await searchParams).tab;
  const tab: UserTabId = USER_TABS.includes(tabParam as UserTabId) ? (tabParam as UserTabId) : "profile";
  const parsed = parseMxid(userId);
  if (!parsed.ok || serverNameOf(userId) !== serverNameOf(admin.actor)) notFound();

  const policyHint = passwordPolicyHint(admin.homeserver);
  const { data: user, error } = await readForPage(() => getUser(admin.creds, userId), "user read");
  if (!user && !error) notFound();
  const settings = await forHomeserver(admin.homeserver).settings.get();
  const now = Date.now();
  const base = `/users/${encodeURIComponent(userId)}`;
  const tabHref = (id: UserTabId) => (id === "profile" ? base : `${base}?tab=${id}`);
  const t = await getTranslations("user");
  const tu = await getTranslations("users");
  const { dateTime } = await getFormat();

  return (
    <section className="flex flex-col gap-4">
      <Link href="/users" className="text-sm hover:underline">
        ← {tu("title")}
      </Link>
      <ErrorCard message={error} />
      {user && (
        <>
          <header className="flex flex-wrap items-center gap-4">
            <UserAvatar user={user} size={64} />
            <div className="flex flex-col gap-1">
              <h1 className="text-2xl font-semibold">{user.displayname || user.localpart}</h1>
              <p className="font-mono text-sm" data-testid="user-id">
                {user.userId}
              </p>
              <UserBadges user={user} suspended={user.suspended} managed={managedReason(user.userId, user.appserviceId, settings.managedUserPattern) !== null} />
              <p className="text-sm text-muted">
                {t("created")} <span title={dateTime(new Date(user.createdAt))}>{dateTime(new Date(user.createdAt))}</span> · {t("lastSeen")}{" "}
                <When ms={user.lastSeenAt} now={now} />
                {user.appserviceId ? ` · ${t("appservice", { id: user.appserviceId })}` : ""}
              </p>
            </div>
          </header>
          {can(admin.role, "operator") && (
            <UserActions
              user={{ userId: user.userId, deactivated: user.deactivated, locked: user.locked, suspended: user.suspended, shadowBanned: user.shadowBanned, managed: managedReason(user.userId, user.appserviceId, settings.managedUserPattern) }}
              policyHint={await policyHint}
              delegated={admin.delegated}
            />
          )}
          {!user.deactivated && can(admin.role, "operator") && (
            <div>
              <ServerNoticeButton userId={user.userId} />
            </div>
          )}
          {admin.delegated && (
            <p className="card text-sm" data-testid="mas-owned">
              {t("masOwned")} (<Link href="/mas" className="underline">MAS</Link>).
            </p>
          )}
          <NavTabs label={t("sections")} items={USER_TABS.map((id) => ({ href: tabHref(id), label: t(`tabs.${id}`) }))} current={tabHref(tab)} />
          <UserTab tab={tab} user={user} admin={admin} now={now} />
        </>
      )}
    </section>
  );
}

export default withClientMessages("(portal)/users/[id]", UserPage);
