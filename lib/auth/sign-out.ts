import "server-only";
import { record } from "@/lib/audit/record";
import { logout } from "@/lib/synapse/auth";
import { describeError } from "@/lib/synapse/describe-error";
import { getSession } from "./session";
import { clearGateSession, gateEnabled, readGate } from "./gate";
import { revokeOAuthTokens } from "./oauth";

/**
 * Revokes the token on Synapse (a dead one counts as revoked) and always clears the cookie; behind the
 * organisation gate it also ends the gate's session, so signing out of either ends both. Returns where to go.
 */
export async function signOut(): Promise<string> {
  const session = await getSession();
  const gate = await readGate();
  const person = gate.kind === "in" ? { subject: gate.user.subject, name: gate.user.name, email: gate.user.email } : null;
  if (session.accessToken && session.baseUrl && session.userId) {
    const ctx = { actor: session.userId, homeserver: session.baseUrl, person };
    try {
      // Under MAS the authorization server owns the tokens: RFC 7009 there (Synapse has no logout of its own).
      if (session.oauth) await revokeOAuthTokens(session.oauth, session.accessToken);
      else await logout({ baseUrl: session.baseUrl, accessToken: session.accessToken });
      await record(ctx, { action: "session.logout" }, "ok");
    } catch (e) {
      const ui = describeError(e);
      await record(ctx, { action: "session.logout" }, ui.code, ui.message);
    }
  }
  session.destroy();
  if (!gateEnabled()) return "/login?reason=signed-out";
  await clearGateSession();
  return "/gate?reason=signed-out";
}
