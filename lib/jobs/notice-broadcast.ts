/**
 * A server notice to every local user, or to all matching a users-list filter: the runtime's kind
 * "notice.broadcast". Users are listed into items when the job runs (deactivated ones are not listed,
 * and skipped if deactivated meanwhile); appservice (bridge) users are left out unless asked. Each notice
 * goes out exactly once (lib/jobs/notice-step.ts), four at a time, with a per-user result and audit entry.
 *
 * Credential: a device of its own for the job when Synapse mints one (else the admin's session token),
 * sealed in the job row until the job ends. The one token stays with the job across takeovers, which is
 * what lets Synapse recognise a repeated txn id.
 */
import "server-only";
import { forHomeserver } from "@/lib/db/tenant";
import crypto from "node:crypto";
import { MAX_BULK_USERS, filterOf, parseUsersSearch, usersSearchParams } from "@/lib/schemas/users";
import type { BroadcastInput } from "@/lib/schemas/server-notices";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { assertServerNoticesEnabled } from "@/lib/synapse/user-notices";
import { listUsers } from "@/lib/synapse/users";
import { startJob, type JobOwner } from "./jobs";
import { credentialTag, noticeStep } from "./notice-step";
import { userItemsKind } from "./user-items";
import { msg } from "@/lib/i18n/message";

export const NOTICE_BROADCAST_KIND = "notice.broadcast";
export const NOTICE_CONCURRENCY = 4;

type BroadcastParams = { text: string; audience: "all" | "filter"; filter: string; listedAt: number; includeAppservice: boolean; managedPattern?: string | null; txnSalt: string; expected: number };

export const noticeBroadcastKind = userItemsKind<BroadcastParams>(NOTICE_BROADCAST_KIND, (job, ctx, p) => ({
  audit: "server.notice.broadcast",
  concurrency: NOTICE_CONCURRENCY,
  step: noticeStep(job, ctx, { text: p.text, txnSalt: p.txnSalt, includeAppservice: p.includeAppservice, managedPattern: p.managedPattern }),
  inFlightNote: credentialTag(job.job.credential),
}));

/** The users list search a broadcast lists (deactivated users are never sent to). */
function audienceSearch(input: Pick<BroadcastInput, "audience" | "filter">): string {
  const q = input.audience === "all" ? parseUsersSearch("") : parseUsersSearch(input.filter.slice(input.filter.indexOf("?") + 1));
  return usersSearchParams({ ...filterOf(q), deactivated: "exclude" }).toString();
}

/** How many users a broadcast would reach now; refuses a server without notices and a filter matching nobody. */
export async function previewBroadcast(admin: JobOwner, input: Pick<BroadcastInput, "audience" | "filter">, now = Date.now()): Promise<{ count: number; filter: string }> {
  await assertServerNoticesEnabled(admin.creds);
  const filter = audienceSearch(input);
  const { total } = await listUsers(admin.creds, filterOf(parseUsersSearch(filter)), { offset: 0, limit: 0 }, now);
  if (total === 0) throw new PortalRefusal("NO_USERS", msg(input.audience === "all" ? "server.notices.errors.noUsers" : "server.notices.errors.noMatch"));
  if (total > MAX_BULK_USERS) throw new PortalRefusal("TOO_MANY", msg("server.notices.errors.tooMany", { max: MAX_BULK_USERS }));
  return { count: total, filter };
}

/** Starts the broadcast when the count the admin confirmed still holds. */
export async function startBroadcast(admin: JobOwner, input: BroadcastInput): Promise<{ jobId: number }> {
  const listedAt = Date.now();
  const { count, filter } = await previewBroadcast(admin, input, listedAt);
  if (count !== input.expectedCount) {
    throw new PortalRefusal("COUNT_CHANGED", msg("server.notices.errors.countChanged", { count, expected: input.expectedCount }));
  }
  const params: BroadcastParams = {
    text: input.text,
    audience: input.audience,
    filter,
    listedAt,
    includeAppservice: input.includeAppservice,
    managedPattern: (await forHomeserver(admin.homeserver).settings.get()).managedUserPattern,
    txnSalt: crypto.randomBytes(6).toString("hex"),
    expected: count,
  };
  return { jobId: await startJob(admin, { kind: NOTICE_BROADCAST_KIND, params, total: count, phase: "listing users", ownDevice: true }) };
}
