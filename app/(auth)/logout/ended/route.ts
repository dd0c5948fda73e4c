import { redirectToPath } from "@/lib/http/relative-redirect";
import { getSession } from "@/lib/auth/session";

// Where requireAdmin() sends a dead token: forget the cookie and explain on the login page.
export async function GET() {
  const session = await getSession();
  session.destroy();
  return redirectToPath("/login?reason=session-ended");
}
