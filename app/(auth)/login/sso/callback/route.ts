import type { NextRequest } from "next/server";
import { redirectToPath } from "@/lib/http/relative-redirect";
import { finishSso } from "@/lib/auth/sso";
import { signInWithLoginToken } from "@/lib/auth/sign-in";
import { getTranslations } from "next-intl/server";
import { msg } from "@/lib/i18n/message";

// The SSO return: exchange Synapse's one-time loginToken for an access token, then drop it from the URL.
export async function GET(request: NextRequest) {
  const loginToken = request.nextUrl.searchParams.get("loginToken");
  const baseUrl = await finishSso(request.nextUrl.searchParams.get("state"));
  // A message reference (errors.<CODE>): the login page words it in the reader's language.
  const fail = (message: string) =>
    redirectToPath(`/login?error=${encodeURIComponent(message)}`);
  // A forged, replayed or malformed state is a client error (400), never a crash.
  if (!baseUrl) {
    return new Response((await getTranslations("errors"))("SSO_STATE_MISMATCH"), {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (!loginToken) return fail(msg("errors.SSO_NO_LOGIN_TOKEN"));
  const result = await signInWithLoginToken(baseUrl, loginToken);
  if (!result.ok) return fail(result.error.message);
  return redirectToPath("/");
}
