import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/http/relative-redirect";
import { isCrossSiteNavigation } from "@/lib/http/same-origin";
import { checkSsoHomeserver } from "@/lib/auth/login-probe";
import { beginSso } from "@/lib/auth/sso";
import { limitAnonymous } from "@/lib/auth/anonymous-limit";

// Sends the browser to the homeserver's SSO (the identity provider must see the browser itself). Only from
// the portal's own login page (no login CSRF from another site), and only to a checked Matrix homeserver
// (no open redirect); the return address is always this portal.
export async function GET(request: NextRequest) {
  if (isCrossSiteNavigation(request)) return redirectToPath("/login");
  const limited = await limitAnonymous("sign-in");
  if (limited) return redirectToPath(`/login?error=${encodeURIComponent(limited.error.message)}`);
  const checked = await checkSsoHomeserver(request.nextUrl.searchParams.get("hs") ?? "");
  if (!checked.ok) return redirectToPath(`/login?error=${encodeURIComponent(checked.error.message)}`);
  return NextResponse.redirect(await beginSso(checked.data.baseUrl, request.nextUrl.searchParams.get("idp")), 303);
}
