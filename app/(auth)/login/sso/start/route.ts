import { NextResponse, type NextRequest } from "next/server";
import { redirectToPath } from "@/lib/http/relative-redirect";
import { resolveAllowedHomeserver } from "@/lib/auth/homeserver-policy";
import { beginSso } from "@/lib/auth/sso";

// Sends the browser to the homeserver's SSO (the identity provider must see the browser itself).
export async function GET(request: NextRequest) {
  const hs = request.nextUrl.searchParams.get("hs") ?? "";
  const idp = request.nextUrl.searchParams.get("idp");
  const allowed = await resolveAllowedHomeserver(hs);
  if (!allowed.ok) {
    return redirectToPath(`/login?error=${encodeURIComponent(allowed.message)}`);
  }
  return NextResponse.redirect(await beginSso(allowed.baseUrl, idp), 303);
}
