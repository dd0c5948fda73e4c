import "server-only";
import { getEnv } from "@/lib/env";

/**
 * CSRF door for route handlers that change state: the request must come from the portal's own pages.
 * Sec-Fetch-Site decides when the browser sends it (pages cannot forge it; a form POST under our
 * no-referrer policy carries `Origin: null`); otherwise Origin must name the portal. Neither: refused.
 * Returns the 403 to send, or null when the request may go on.
 */
export function refuseCrossOrigin(request: Request): Response | null {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const fromPortal = site !== null ? site === "same-origin" : origin !== null && isPortalOrigin(origin, request);
  if (fromPortal) return null;
  return Response.json(
    { error: { code: "CROSS_ORIGIN", message: "This request did not come from the portal's own pages, so it was refused." } },
    { status: 403 },
  );
}

/** For GET navigations that start something (SSO): only from the portal's pages or a typed URL. */
export function isCrossSiteNavigation(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

function isPortalOrigin(origin: string, request: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const configured = getEnv().PORTAL_URL;
  if (configured && new URL(configured).host.toLowerCase() === host) return true;
  const own = [request.headers.get("host")];
  if (getEnv().TRUST_PROXY === "true") own.push(request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? null);
  return own.some((h) => h?.toLowerCase() === host);
}
