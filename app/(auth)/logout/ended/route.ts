import { redirectToPath } from "@/lib/http/relative-redirect";
import { getSession } from "@/lib/auth/session";
import { checkSession } from "@/lib/auth/require-admin";
import { logout } from "@/lib/synapse/auth";
import { readGate } from "@/lib/auth/gate";

// Where requireAdmin() sends a dead session: forget the cookie and explain on the login page. A GET any
// site can link to, so a session Synapse still accepts is kept (no sign-out by a stranger's link).
export async function GET() {
  const session = await getSession();
  if (session.accessToken && session.baseUrl && session.userId) {
    const admin = { creds: { baseUrl: session.baseUrl, accessToken: session.accessToken }, actor: session.userId, homeserver: session.baseUrl, deviceId: null };
    const gate = await readGate();
    const otherPerson = gate.kind === "in" && session.gateSubject !== gate.user.subject;
    const verdict = otherPerson ? "other-person" : await checkSession(admin).catch(() => "unknown" as const);
    if (verdict === "ok") return redirectToPath("/");
    // A demoted admin's token (or one another person left here) is useless to the portal: revoke it, so its device does not linger.
    if (verdict === "not-admin" || verdict === "other-person") await logout(admin.creds).catch(() => undefined);
  }
  session.destroy();
  return redirectToPath("/login?reason=session-ended");
}
