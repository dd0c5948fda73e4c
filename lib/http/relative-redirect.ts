/**
 * A 303 to a path on this portal. The Location stays relative so the browser keeps the host it used
 * (Next's request.url may name another one, e.g. localhost for 127.0.0.1, and cookies are per host).
 */
export function redirectToPath(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path } });
}
