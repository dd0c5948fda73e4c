import "server-only";
import { unstable_rethrow } from "next/navigation";
import { redirectIfSessionEnded, requireAdmin } from "@/lib/auth/require-admin";
import { describeAndLog } from "@/lib/synapse/describe-error";
import { getMessageRenderer } from "@/lib/i18n/server";

export type PageRead<T> = { data: T; error: null } | { data: null; error: string };

/**
 * The one door for a page's reads from Synapse: the data, or the sentence the page shows in its ErrorCard.
 * A dead token still signs out, redirect()/notFound() pass through, an unexpected error is logged once.
 */
export async function readForPage<T>(read: () => Promise<T>, where = "page read"): Promise<PageRead<T>> {
  try {
    return { data: await read(), error: null };
  } catch (e) {
    unstable_rethrow(e);
    redirectIfSessionEnded(e);
    return { data: null, error: (await getMessageRenderer())(describeAndLog(e, where).message) };
  }
}

/** What Next passes a page with a dynamic segment: its params and the query string. */
export type PageProps<P> = { params: Promise<P>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A dynamic route segment as text: Next passes it percent-encoded or not depending on the path (IDs contain ! : @). */
export function routeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The start of a page under a dynamic segment: the admin (or the redirect to login), the segment as text, the query. */
export async function openPage<K extends string>(props: PageProps<Record<K, string>>, segment: K) {
  const admin = await requireAdmin();
  const value = routeParam((await props.params)[segment]);
  return { admin, value, query: await props.searchParams };
}
