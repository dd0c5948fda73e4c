import "server-only";
import { synapseFetch } from "./client";
import { assertLocalUser } from "./user-errors";
import type { ActorContext } from "./users";

/** A message from the server-notices account (needs `server_notices` in Synapse's config). */
export async function sendServerNotice(ctx: ActorContext, userId: string, text: string): Promise<void> {
  assertLocalUser(userId, ctx.actor);
  await synapseFetch(ctx.creds, "/_synapse/admin/v1/send_server_notice", {
    method: "POST",
    body: { user_id: userId, content: { msgtype: "m.text", body: text } },
  });
}
