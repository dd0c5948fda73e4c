/**
 * One user's server notice inside a job (the bulk "notice" action and the broadcast), sent exactly once.
 *
 * The call is `PUT /_synapse/admin/v1/send_server_notice/<txn_id>` with a txn id derived from the job and
 * the user, the same on every run. Synapse answers a repeated txn id from its transaction cache, which is
 * keyed on the requester's user and device (or access token) and kept in memory for 30 to 60 minutes.
 * So a repeat is harmless when it goes out with the token the first try used: the job keeps its one sealed
 * token in its row, and an instance taking over a dead owner's job unseals that same token.
 *
 * After Resume, the job runs with the resuming admin's token (the old one stopped working), which Synapse's
 * cache does not connect to the first try: an item found in flight from before then is not sent again but
 * reported as "maybe delivered" (each in-flight item carries the tag of the credential that sent it).
 * Items a dead token was refused for (401) were never sent; they go back to pending and are sent after
 * Resume. A Synapse restart also empties its cache: an item in flight across one could arrive twice.
 */
import "server-only";
import crypto from "node:crypto";
import { sleep } from "@/lib/pool";
import { HomeserverUnreachableError } from "@/lib/synapse/errors";
import { jobNoticeTxnId, sendServerNotice } from "@/lib/synapse/user-notices";
import { getUser, type ActorContext } from "@/lib/synapse/users";
import { managedSkipMessage } from "@/lib/matrix/managed-users";
import type { RunningJob } from "./job-driver";
import type { UserStep } from "./user-items";
import { msg } from "@/lib/i18n/message";

/** includeAppservice: also managed users (appservice flag or the homeserver's pattern, fixed at the start). */
export type NoticeSpec = { text: string; txnSalt: string; includeAppservice: boolean; managedPattern?: string | null };

/** Names the sealed credential an item was sent with (a hash of the sealed text: nothing secret). */
export function credentialTag(sealed: string | null): string {
  return `sending with credential ${crypto.createHash("sha256").update(sealed ?? "").digest("hex").slice(0, 12)}`;
}

const MAYBE_DELIVERED = msg("server.notices.items.maybeDelivered");

export function noticeStep(job: RunningJob, ctx: ActorContext, spec: NoticeSpec): UserStep {
  const tag = credentialTag(job.job.credential);
  return async (userId, item) => {
    const user = await getUser(ctx.creds, userId);
    if (!user) return { status: "failed", message: msg("server.notices.items.noSuchUser") };
    if (user.deactivated) return { status: "skipped", message: msg("server.notices.items.deactivated") };
    const managed = spec.includeAppservice ? null : managedSkipMessage(userId, user.appserviceId, spec.managedPattern);
    if (managed) return { status: "skipped", message: managed };
    if (item.status === "in-flight" && item.message !== tag) return { status: "failed", message: MAYBE_DELIVERED };
    const txnId = jobNoticeTxnId(job.job.id, spec.txnSalt, userId);
    // A lost connection leaves the outcome unknown: the same txn id again is answered, not re-sent.
    for (let attempt = 1; ; attempt++) {
      try {
        await sendServerNotice(ctx, userId, spec.text, txnId);
        return { status: "ok", message: msg("server.notices.items.sent") };
      } catch (e) {
        if (!(e instanceof HomeserverUnreachableError) || attempt >= 3 || job.interrupted()) throw e;
        await sleep(1000 * attempt);
      }
    }
  };
}
