import { NextResponse, type NextRequest } from "next/server";

/**
 * A strict Content-Security-Policy: scripts only from this origin or carrying this request's nonce
 * (Next.js applies the nonce to its own inline scripts when it finds it in the request's CSP header).
 */
export function proxy(request: NextRequest) {
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

// Not the media proxy (it sets its own, stricter policy: sandboxed, no scripts at all), and not the
// CSV upload (a proxy makes Next.js copy the request body and cut it at 10 MB).
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/media/|api/imports).*)" }],
};
