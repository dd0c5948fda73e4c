import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AdminContext } from "@/lib/auth/require-admin";
import type { UserDetail } from "@/lib/synapse/users";
import { listJoinedRooms } from "@/lib/synapse/user-data";
import { getUserCounters } from "@/lib/synapse/user-extras";
import { RedactEventsForm } from "./redact-events-form";
import { AccountValidityForm, CrossSigningResetButton } from "./user-extras";

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** The user page's moderation tools: the counters that help decide, redaction, clean-up, rarer switches. */
export async function ModerationTab({ user, admin, now }: { user: UserDetail; admin: AdminContext; now: number }) {
  const t = await getTranslations("moderation.tab");
  const [{ rooms }, counters] = await Promise.all([listJoinedRooms(admin.creds, user.userId), getUserCounters(admin.creds, user.userId, now - WEEK_MS)]);
  return (
    <div className="flex flex-col gap-4">
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" aria-label={t("counters")}>
        <dt className="text-muted">{t("invites")}</dt>
        <dd data-testid="invite-count">
          {t("invitesCount", { week: counters.invitesSince, all: counters.invitesAll })}{" "}
          <span className="text-muted">{t("invitesHint")}</span>
        </dd>
        <dt className="text-muted">{t("joined")}</dt>
        <dd data-testid="joined-count">
          {t("joinedCount", { week: counters.joinedSince, all: counters.joinedAll })}{" "}
          <span className="text-muted">{t("joinedHint")}</span>
        </dd>
      </dl>
      <p className="text-sm">
        {t.rich("spammer", { link: (c) => <Link href={`/users/cleanup?users=${encodeURIComponent(user.userId)}`} className="underline">{c}</Link> })}
      </p>
      {user.deactivated && (
        <p className="card text-sm" role="status">
          {t("deactivated")}
        </p>
      )}
      <RedactEventsForm userId={user.userId} rooms={rooms.map((r) => ({ roomId: r.roomId, name: r.name ?? r.alias ?? null }))} />
      <section className="card flex flex-col gap-4" aria-label={t("more")}>
        <AccountValidityForm userId={user.userId} />
        <CrossSigningResetButton userId={user.userId} />
      </section>
    </div>
  );
}
