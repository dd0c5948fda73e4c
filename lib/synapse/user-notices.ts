import "server-only";
import { synapseFetch } from "./client";
import { PortalRefusal } from "./describe-error";
import { isSynapseError } from "./errors";
import { assertLocalUser } from "./user-errors";
import type { ActorContext } from "./users";

export const NOTICES_DISABLED_MESSAGE =
  "Server notices are not enabled on this server. To enable them, add to homeserver.yaml " +
  '`server_notices: {system_mxid_localpart: "server", system_mxid_display_name: "Server notices"}` and restart Synapse.';

/** A message from the server-notices account (needs `server_notices` in Synapse's config). */
export async function sendServerNotice(ctx: ActorContext, userId: string, text: string): Promise<void> {
  assertLocalUser(userId, ctx.actor);
  try {
    await synapseFetch(ctx.creds, "/_synapse/admin/v1/send_server_notice", {
      method: "POST",
      body: { user_id: userId, content: { msgtype: "m.text", body: text } },
    });
  } catch (e) {
    // Synapse's 400 says what is wrong but not how to fix it.
    if (isSynapseError(e) && e.status === 400 && /server notices are not enabled/i.test(e.error)) throw new PortalRefusal("NOTICES_DISABLED", NOTICES_DISABLED_MESSAGE);
    throw e;
  }
}
