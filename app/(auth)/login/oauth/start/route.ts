import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/http/relative-redirect";
import { isCrossSiteNavigation } from "@/lib/http/same-origin";
import { checkSsoHomeserver } from "@/lib/auth/login-probe";
import { beginOAuth, delegatedAuthServer } from "@/lib/auth/oauth";
import { limitAnonymous } from "@/lib/auth/anonymous-limit";
import { describeAndLog } from "@/lib/synapse/describe-error";
import { msg } from "@/lib/i18n/message";

// Starts the OAuth 2.0 sign-in of a homeserver that delegates to MAS: a plain GET from the login page's link
// (no login CSRF from another site), only for a checked homeserver, and only to the authorization endpoint its
// own metadata names (no open redirect). The return address is always this portal.
export async function GET(request: NextRequest) {
  if (isCrossSiteNavigation(request)) return redirectToPath("/login");
  // Messages are references (errors.<CODE>): the login page words them in the reader's language.
  const back = (message: string) => redirectToPath(`/login?error=${encodeURIComponent(message)}`);
  const limited = await limitAnonymous("sign-in");
  if (limited) return back(limited.error.message);
  const checked = await checkSsoHomeserver(request.nextUrl.searchParams.get("hs") ?? "");
  if (!checked.ok) return back(checked.error.message);
  try {
    const meta = await delegatedAuthServer(checked.data.baseUrl);
    if (!meta) return back(msg("errors.OAUTH_NOT_DELEGATED"));
    return NextResponse.redirect(await beginOAuth(checked.data.baseUrl, meta, request.nextUrl.searchParams.get("mas_admin") === "1"), 303);
  } catch (e) {
    return back(describeAndLog(e, "oauth start", "login").message);
  }
}
