import { NextResponse, type NextRequest } from "next/server";
import { refreshSessionCookie } from "@/lib/auth/oauth-refresh";
import { isHttpsFor, SESSION_COOKIE, SESSION_TTL_SECONDS, sessionCookieOptions } from "@/lib/auth/session-cookie";

/** A MAS session's access token close to expiry is refreshed here, for this request and the browser. */
async function refreshedSession(request: NextRequest): Promise<string | null> {
  const sealed = request.cookies.get(SESSION_COOKIE)?.value;
  if (!sealed) return null;
  return refreshSessionCookie(sealed).catch(() => null);
}

/**
 * A strict Content-Security-Policy: scripts only from this origin or carrying this request's nonce
 * (Next.js applies the nonce to its own inline scripts when it finds it in the request's CSP header).
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const fresh = await refreshedSession(request);
  if (fresh) {
    request.cookies.set(SESSION_COOKIE, fresh);
    requestHeaders.set("cookie", request.cookies.toString());
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (fresh) {
    // iron-session's own maxAge: the ttl less a minute, so the cookie never outlives its seal.
    const secure = isHttpsFor(request.headers.get("x-forwarded-proto"));
    response.cookies.set(SESSION_COOKIE, fresh, { ...sessionCookieOptions(secure), maxAge: SESSION_TTL_SECONDS - 60 });
  }
  return response;
}

export const config = {
  // Not the API routes: they set their own headers (the media proxy its sandboxing CSP), and running a
  // proxy makes Next.js copy a request's body and cut it at 10 MB (the CSV upload streams up to 50 MB).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/).*)" }],
};
