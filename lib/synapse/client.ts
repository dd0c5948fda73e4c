import "server-only";
import { sleep } from "@/lib/pool";
import { httpFetch, MAX_JSON_BYTES, readCappedText } from "./http";
import { observed } from "./observe";
import { HomeserverUnreachableError, SynapseError } from "./errors";

/** Where to send a call; credentials are always passed in, never read from a cookie here. */
export type SynapseTarget = { baseUrl: string; accessToken?: string };
export type SynapseCredentials = { baseUrl: string; accessToken: string };

export type SynapseRequest = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  query?: Record<string, string | number | boolean | undefined | null | string[]>;
  body?: unknown;
  /** Bytes to send instead of a JSON body (media uploads); the answer is still JSON. */
  upload?: { data: Blob; contentType: string };
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Longest single wait for a 429's retry_after_ms before giving up and throwing it. */
  maxRateLimitWaitMs?: number;
  /** How many 429s to wait out before throwing. */
  rateLimitRetries?: number;
  /** Cap on the JSON answer's size (default MAX_JSON_BYTES). */
  maxBodyBytes?: number;
  /** Receives the status of a successful answer (e.g. 201 Created vs 200 OK from PUT /v2/users). */
  onStatus?: (status: number) => void;
};

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;
const DEFAULT_RATE_LIMIT_RETRIES = 3;

export function buildUrl(baseUrl: string, path: string, query?: SynapseRequest["query"]): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((item) => url.searchParams.append(k, item));
    else url.searchParams.set(k, String(v));
  }
  return url.toString();
}

function retryAfter(res: Response, body: Record<string, unknown>): number | undefined {
  if (typeof body.retry_after_ms === "number") return body.retry_after_ms;
  const header = Number(res.headers.get("retry-after"));
  return Number.isFinite(header) && header > 0 ? header * 1000 : undefined;
}

/**
 * The one typed fetch to Synapse: JSON (or uploaded bytes) in, JSON out, bearer token, timeout, Matrix errors as
 * SynapseError, 429 waited out (up to a cap) because a rate-limited request was not processed.
 */
export async function synapseFetch<T>(target: SynapseTarget, path: string, req: SynapseRequest = {}): Promise<T> {
  const url = buildUrl(target.baseUrl, path, req.query);
  const headers: Record<string, string> = { accept: "application/json" };
  if (target.accessToken) headers.authorization = `Bearer ${target.accessToken}`;
  if (req.upload) headers["content-type"] = req.upload.contentType;
  else if (req.body !== undefined) headers["content-type"] = "application/json";
  const payload = req.upload ? req.upload.data : req.body === undefined ? undefined : JSON.stringify(req.body);
  const maxWait = req.maxRateLimitWaitMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
  let retriesLeft = req.rateLimitRetries ?? DEFAULT_RATE_LIMIT_RETRIES;

  for (;;) {
    const res = await observed(path, req.method ?? "GET", httpFetch(
      url,
      { method: req.method ?? "GET", headers, body: payload },
      { timeoutMs: req.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: req.signal, redirects: "none" },
    ));
    const text = await readBody(res, url, req.timeoutMs ?? DEFAULT_TIMEOUT_MS, req.maxBodyBytes);
    let parsed: unknown = {};
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new HomeserverUnreachableError("not-matrix", url, `HTTP ${res.status} with a non-JSON body`);
      }
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new HomeserverUnreachableError("not-matrix", url, `HTTP ${res.status} with a body that is not a JSON object`);
    }
    const body = parsed as Record<string, unknown>;
    if (res.ok) {
      req.onStatus?.(res.status);
      return body as T;
    }

    const waitMs = res.status === 429 ? retryAfter(res, body) : undefined;
    if (res.status === 429 && retriesLeft > 0 && waitMs !== undefined && waitMs <= maxWait) {
      retriesLeft--;
      await sleep(waitMs, req.signal);
      continue;
    }
    throw new SynapseError(
      res.status,
      typeof body.errcode === "string" ? body.errcode : `HTTP_${res.status}`,
      typeof body.error === "string" ? body.error : res.statusText || "error",
      waitMs,
      typeof body.soft_logout === "boolean" ? body.soft_logout : undefined,
    );
  }
}

/**
 * A non-JSON answer (media bytes) as a streamed Response. Errors are still mapped to SynapseError;
 * the caller owns the body.
 */
export async function synapseFetchRaw(target: SynapseTarget, path: string, req: Omit<SynapseRequest, "body"> = {}): Promise<Response> {
  const url = buildUrl(target.baseUrl, path, req.query);
  const headers: Record<string, string> = {};
  if (target.accessToken) headers.authorization = `Bearer ${target.accessToken}`;
  const res = await observed(path, req.method ?? "GET", httpFetch(url, { method: req.method ?? "GET", headers }, { timeoutMs: req.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: req.signal, redirects: "none" }));
  if (res.ok) return res;
  const text = await readBody(res, url, req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // not a Matrix error body: keep the status
  }
  throw new SynapseError(
    res.status,
    typeof body.errcode === "string" ? body.errcode : `HTTP_${res.status}`,
    typeof body.error === "string" ? body.error : res.statusText || "error",
    typeof body.retry_after_ms === "number" ? body.retry_after_ms : undefined,
  );
}

/** The timeout also covers the body: a server that stalls mid-answer is a timeout, not a crash. */
async function readBody(res: Response, url: string, timeoutMs: number, maxBytes = MAX_JSON_BYTES): Promise<string> {
  try {
    return await readCappedText(res, url, maxBytes);
  } catch (e) {
    if (e instanceof HomeserverUnreachableError) throw e;
    const err = e as Error;
    if (err.name === "TimeoutError" || err.name === "AbortError") {
      throw new HomeserverUnreachableError("timeout", url, `no complete answer within ${timeoutMs} ms`);
    }
    throw new HomeserverUnreachableError("network", url, "connection lost");
  }
}

export function encodeId(id: string): string {
  return encodeURIComponent(id);
}
