import "server-only";
import { HomeserverUnreachableError } from "./errors";

export type RedirectPolicy = "none" | "same-origin" | "any";

export type HttpOptions = {
  timeoutMs: number;
  redirects?: RedirectPolicy;
  signal?: AbortSignal;
};

const MAX_REDIRECTS = 3;

/**
 * fetch with a timeout and an explicit redirect policy. Redirects are followed by hand so a
 * hosted portal never lets a homeserver (or its .well-known) send it to a host it did not choose.
 */
export async function httpFetch(url: string, init: RequestInit, opts: HttpOptions): Promise<Response> {
  const policy = opts.redirects ?? "none";
  let current = url;
  for (let hop = 0; ; hop++) {
    const signal = opts.signal
      ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)])
      : AbortSignal.timeout(opts.timeoutMs);
    let res: Response;
    try {
      res = await fetch(current, { ...init, redirect: "manual", signal, cache: "no-store" });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      if (err.name === "TimeoutError" || err.name === "AbortError") {
        throw new HomeserverUnreachableError("timeout", current, `no answer within ${opts.timeoutMs} ms`);
      }
      throw new HomeserverUnreachableError("network", current, err.cause?.code ?? err.message);
    }
    if (res.status < 300 || res.status >= 400 || !res.headers.get("location")) return res;
    const next = new URL(res.headers.get("location")!, current).toString();
    const sameOrigin = new URL(next).origin === new URL(current).origin;
    const allowed = policy === "any" || (policy === "same-origin" && sameOrigin);
    if (!allowed || hop >= MAX_REDIRECTS || init.method === "POST" || init.method === "PUT") {
      await res.body?.cancel();
      throw new HomeserverUnreachableError("redirect", current, `redirected to ${next}`, next);
    }
    await res.body?.cancel();
    current = next;
  }
}
