import "server-only";
import { record } from "@/lib/audit/record";
import { logout } from "@/lib/synapse/auth";
import { describeError } from "@/lib/synapse/describe-error";
import { getSession } from "./session";

/** Revokes the token on Synapse (a dead one counts as revoked) and always clears the cookie. */
export async function signOut(): Promise<void> {
  const session = await getSession();
  if (session.accessToken && session.baseUrl && session.userId) {
    const ctx = { actor: session.userId, homeserver: session.baseUrl };
    try {
      await logout({ baseUrl: session.baseUrl, accessToken: session.accessToken });
      await record(ctx, { action: "session.logout" }, "ok");
    } catch (e) {
      const ui = describeError(e);
      await record(ctx, { action: "session.logout" }, ui.code, ui.message);
    }
  }
  session.destroy();
}
