import type { NextRequest } from "next/server";
import { redirectToPath } from "@/lib/http/relative-redirect";
import { finishOAuth } from "@/lib/auth/oauth";
import { describeAndLog } from "@/lib/synapse/describe-error";

// The OAuth return: the code (or the server's refusal) is checked against this browser's state cookie,
// exchanged on the server, and dropped from the URL by the redirect.
export async function GET(request: NextRequest) {
  // The message is a reference (errors.<CODE> and its values): the login page words it in the reader's language.
  const fail = (message: string) => redirectToPath(`/login?error=${encodeURIComponent(message)}`);
  try {
    const result = await finishOAuth(request.nextUrl.searchParams);
    if (!result.ok) return fail(result.error.message);
  } catch (e) {
    return fail(describeAndLog(e, "oauth callback", "login").message);
  }
  return redirectToPath("/");
}
