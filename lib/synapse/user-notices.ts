import "server-only";
import crypto from "node:crypto";
import { synapseFetch, type SynapseCredentials } from "./client";
import { PortalRefusal } from "./describe-error";
import { isSynapseError } from "./errors";
import { assertLocalUser } from "./user-errors";
import type { ActorContext } from "./users";
import { msg } from "@/lib/i18n/message";

export const NOTICES_DISABLED_MESSAGE = msg("user.refusals.noticesDisabled", { config: '`server_notices: {system_mxid_localpart: "server", system_mxid_display_name: "Server notices"}`' });

const isDisabled = (e: unknown) => isSynapseError(e) && e.status === 400 && /server notices are not enabled/i.test(e.error);

/**
 * A message from the server-notices account (needs `server_notices` in Synapse's config), sent with
 * `PUT /send_server_notice/<txn_id>`: a repeat with the same txn id and the same access token (Synapse keys
 * its transaction cache on the admin's user and device, in memory, for 30 to 60 minutes) returns the first
 * answer instead of sending again. Every notice of the portal goes through here, single or broadcast.
 */
export async function sendServerNotice(ctx: ActorContext, userId: string, text: string, txnId: string): Promise<{ eventId: string }> {
  assertLocalUser(userId, ctx.actor);
  try {
    const r = await synapseFetch<{ event_id: string }>(ctx.creds, `/_synapse/admin/v1/send_server_notice/${encodeURIComponent(txnId)}`, {
      method: "PUT",
      body: { user_id: userId, content: { msgtype: "m.text", body: text } },
    });
    return { eventId: r.event_id };
  } catch (e) {
    // Synapse's 400 says what is wrong but not how to fix it.
    if (isDisabled(e)) throw new PortalRefusal("NOTICES_DISABLED", NOTICES_DISABLED_MESSAGE);
    throw e;
  }
}

/** The txn id of a single notice: the form's own id (one per notice written), else a fresh one. */
export const singleNoticeTxnId = (formId?: string) => `portal-single-${formId ?? crypto.randomUUID()}`;

/** The txn id of a job's notice to one user: the same on every run of the job, so a resumed job never delivers twice. */
export function jobNoticeTxnId(jobId: number, salt: string, userId: string): string {
  return `portal-job-${jobId}-${salt}-${crypto.createHash("sha256").update(userId).digest("hex").slice(0, 32)}`;
}

/**
 * Refuses with how to enable them when the server has no `server_notices`, sending nothing: Synapse checks
 * "enabled" before the recipient, so a request for a user of another server is answered without a notice.
 */
export async function assertServerNoticesEnabled(creds: SynapseCredentials): Promise<void> {
  try {
    await synapseFetch(creds, "/_synapse/admin/v1/send_server_notice", {
      method: "POST",
      body: { user_id: "@portal-probe:notices-check.invalid", content: { msgtype: "m.text", body: "" } },
    });
  } catch (e) {
    if (isDisabled(e)) throw new PortalRefusal("NOTICES_DISABLED", NOTICES_DISABLED_MESSAGE);
    if (isSynapseError(e) && e.status === 400) return; // "only local users": enabled
    throw e;
  }
  throw new Error("Synapse accepted a server notice for a user of another server");
}
