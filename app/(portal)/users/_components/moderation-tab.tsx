import Link from "next/link";
import type { AdminContext } from "@/lib/auth/require-admin";
import type { UserDetail } from "@/lib/synapse/users";
import { listJoinedRooms } from "@/lib/synapse/user-data";
import { getUserCounters } from "@/lib/synapse/user-extras";
import { formatCount } from "@/lib/format";
import { RedactEventsForm } from "./redact-events-form";
import { AccountValidityForm, CrossSigningResetButton } from "./user-extras";

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** The user page's moderation tools: the counters that help decide, redaction, clean-up, rarer switches. */
export async function ModerationTab({ user, admin, now }: { user: UserDetail; admin: AdminContext; now: number }) {
  const [{ rooms }, counters] = await Promise.all([listJoinedRooms(admin.creds, user.userId), getUserCounters(admin.creds, user.userId, now - WEEK_MS)]);
  return (
    <div className="flex flex-col gap-4">
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" aria-label="Activity counters">
        <dt className="text-muted">Invites sent</dt>
        <dd data-testid="invite-count">
          {formatCount(counters.invitesSince)} in the last 7 days, {formatCount(counters.invitesAll)} in all.{" "}
          <span className="text-muted">Spammers often invite many users to rooms they made.</span>
        </dd>
        <dt className="text-muted">Rooms joined</dt>
        <dd data-testid="joined-count">
          {formatCount(counters.joinedSince)} in the last 7 days, {formatCount(counters.joinedAll)} in all (also rooms left since).{" "}
          <span className="text-muted">Many joins in a short time is typical of a spam account.</span>
        </dd>
      </dl>
      <p className="text-sm">
        A spammer?{" "}
        <Link href={`/users/cleanup?users=${encodeURIComponent(user.userId)}`} className="underline">
          Spam clean-up
        </Link>{" "}
        redacts, deletes their files, removes them from rooms and deactivates them in one job.
      </p>
      {user.deactivated && (
        <p className="card text-sm" role="status">
          This account is deactivated, so it has left its rooms. Synapse redacts a user&apos;s events only in rooms they are still in (or banned from), in
          their name: there may be nothing left to redact.
        </p>
      )}
      <RedactEventsForm userId={user.userId} rooms={rooms.map((r) => ({ roomId: r.roomId, name: r.name ?? r.alias ?? null }))} />
      <section className="card flex flex-col gap-4" aria-label="More">
        <AccountValidityForm userId={user.userId} />
        <CrossSigningResetButton userId={user.userId} />
      </section>
    </div>
  );
}
