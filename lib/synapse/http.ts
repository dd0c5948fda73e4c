import "server-only";
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { HomeserverUnreachableError } from "./errors";
import { checkedAddress, type ResolvedAddress } from "./network-guard";

/** Discovery follows redirects within one origin at most; API calls follow none. */
export type RedirectPolicy = "none" | "same-origin";

export type HttpOptions = {
  timeoutMs: number;
  redirects?: RedirectPolicy;
  signal?: AbortSignal;
};

type HttpInit = { method?: string; headers?: Record<string, string>; body?: string | Blob };

const MAX_REDIRECTS = 3;
const NULL_BODY = new Set([204, 205, 304]);

/**
 * The one outbound door: a timeout, an explicit redirect policy, and the network guard (resolved address
 * checked, then connected to). Redirects are followed by hand and never to another origin.
 */
export async function httpFetch(url: string, init: HttpInit, opts: HttpOptions): Promise<Response> {
  const policy = opts.redirects ?? "none";
  let current = url;
  for (let hop = 0; ; hop++) {
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const target = new URL(current);
    if (target.protocol !== "https:" && target.protocol !== "http:") {
      throw new HomeserverUnreachableError("policy", current, "not an http(s) URL");
    }
    const address = await checkedAddress(target);
    let res: Response;
    try {
      res = await send(target, init, address, signal);
    } catch (e) {
      if (timeout.aborted || (e as Error).name === "AbortError") {
        throw new HomeserverUnreachableError("timeout", current, `no answer within ${opts.timeoutMs} ms`);
      }
      throw new HomeserverUnreachableError("network", current, (e as { code?: string }).code ?? "connection failed");
    }
    if (res.status < 300 || res.status >= 400 || !res.headers.get("location")) return res;
    await res.body?.cancel();
    let next: URL | null = null;
    try {
      next = new URL(res.headers.get("location")!, current);
    } catch {
      // an unparsable Location is just a refused redirect
    }
    const sameOrigin = next !== null && next.origin === target.origin;
    const allowed = policy === "same-origin" && sameOrigin && hop < MAX_REDIRECTS && (init.method ?? "GET") === "GET";
    // The Location is not kept: error messages never echo what a remote server said.
    if (!allowed) throw new HomeserverUnreachableError("redirect", current, "redirect not followed");
    current = next!.toString();
  }
}

async function send(url: URL, init: HttpInit, address: ResolvedAddress, signal: AbortSignal): Promise<Response> {
  const body = init.body instanceof Blob ? Buffer.from(await init.body.arrayBuffer()) : init.body;
  const headers: Record<string, string> = { ...init.headers };
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  return new Promise<Response>((resolve, reject) => {
    const req = (url.protocol === "https:" ? https : http).request(url, {
      method: init.method ?? "GET",
      headers,
      signal,
      agent: false,
      // The address checked above, never a fresh DNS answer.
      lookup: (_host, options, callback) =>
        (options as { all?: boolean }).all
          ? (callback as (e: null, a: ResolvedAddress[]) => void)(null, [address])
          : (callback as (e: null, a: string, f: number) => void)(null, address.address, address.family),
    });
    req.on("error", reject);
    req.on("response", (res) => {
      const out = new Headers();
      for (const [k, v] of Object.entries(res.headers)) {
        if (Array.isArray(v)) v.forEach((item) => out.append(k, item));
        else if (v !== undefined) out.set(k, v);
      }
      const status = res.statusCode ?? 502;
      if (NULL_BODY.has(status) || status < 200) res.resume();
      const stream = NULL_BODY.has(status) || status < 200 ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
      resolve(new Response(stream, { status: status < 200 ? 502 : status, statusText: res.statusMessage, headers: out }));
    });
    req.end(body);
  });
}

/** Largest JSON answer read from a homeserver; the media proxy streams and is not capped here. */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;

/** The body as text, at most `maxBytes`: an endless or huge answer ends with a clear error, not an OOM. */
export async function readCappedText(res: Response, url: string, maxBytes: number): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new HomeserverUnreachableError("too-large", url, `answer larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
