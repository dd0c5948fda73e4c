import type { NextRequest } from "next/server";
import { redirectToPath } from "@/lib/http/relative-redirect";
import { finishSso } from "@/lib/auth/sso";
import { signInWithLoginToken } from "@/lib/auth/sign-in";

// The SSO return: exchange Synapse's one-time loginToken for an access token, then drop it from the URL.
export async function GET(request: NextRequest) {
  const loginToken = request.nextUrl.searchParams.get("loginToken");
  const baseUrl = await finishSso(request.nextUrl.searchParams.get("state"));
  const fail = (message: string) =>
    redirectToPath(`/login?error=${encodeURIComponent(message)}`);
  // A forged, replayed or malformed state is a client error (400), never a crash.
  if (!baseUrl) {
    return new Response("The single sign-on answer did not match a sign-in started in this browser. Start again at /login.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (!loginToken) return fail("The homeserver returned from single sign-on without a login token. Start again.");
  const result = await signInWithLoginToken(baseUrl, loginToken);
  if (!result.ok) return fail(result.error.message);
  return redirectToPath("/");
}
