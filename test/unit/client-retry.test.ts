// synapseFetch / httpFetch against a tiny local HTTP server on 127.0.0.1 that replays recorded
// Synapse answers. This is the only place a fake server is used: the test Synapse's rate limits
// are raised, so its 429 handling cannot be exercised against it.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { buildUrl, synapseFetch } from "@/lib/synapse/client";
import { httpFetch } from "@/lib/synapse/http";
import { HomeserverUnreachableError, SynapseError } from "@/lib/synapse/errors";

// Recorded from Synapse (synapse-api.md §0), with a short retry_after_ms.
const RATE_LIMITED = { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests", retry_after_ms: 50 };

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string; at: number };
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function startServer(handler: () => Handler | undefined, seen?: Seen[]) {
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen?.push({ method: req.method!, url: req.url!, headers: req.headers, body, at: Date.now() });
      const h = handler();
      if (h) h(req, res, n++);
      else json(res, 500, { errcode: "M_UNKNOWN", error: "no handler" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function rejectsWith<E extends Error>(p: Promise<unknown>, cls: new (...a: never[]) => E): Promise<E> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
    return e as E;
  }
  assert.fail(`expected ${cls.name} to be thrown`);
}

let handler: Handler | undefined;
const seen: Seen[] = [];
let main: Awaited<ReturnType<typeof startServer>>;
let other: Awaited<ReturnType<typeof startServer>>;

before(async () => {
  main = await startServer(() => handler, seen);
  other = await startServer(() => (_req, res) => json(res, 200, { other: true }));
});
after(async () => {
  await main.close();
  await other.close();
});
beforeEach(() => {
  handler = undefined;
  seen.length = 0;
});

describe("synapseFetch: 429 handling", () => {
  test("a 429 with a short retry_after_ms is waited out and the request repeated", async () => {
    handler = (_req, res, n) => (n === 0 ? json(res, 429, RATE_LIMITED) : json(res, 200, { ok: "yes" }));
    const body = await synapseFetch<{ ok: string }>({ baseUrl: main.baseUrl, accessToken: "fake-token-x" }, "/_synapse/admin/v1/x", {
      method: "POST",
      body: { a: 1 },
    });
    assert.deepEqual(body, { ok: "yes" });
    assert.equal(seen.length, 2);
    assert.ok(seen[1].at - seen[0].at >= 45, `second request came after ${seen[1].at - seen[0].at} ms`);
    // The retry is the same request.
    assert.equal(seen[1].method, "POST");
    assert.equal(seen[1].body, '{"a":1}');
    assert.equal(seen[1].headers.authorization, "Bearer fake-token-x");
  });

  test("a 429 whose retry_after_ms is above maxRateLimitWaitMs is thrown at once with retryAfterMs", async () => {
    handler = (_req, res) => json(res, 429, { ...RATE_LIMITED, retry_after_ms: 3998 }, { "retry-after": "4" });
    const started = Date.now();
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/x", { maxRateLimitWaitMs: 2000 }), SynapseError);
    assert.equal(e.status, 429);
    assert.equal(e.errcode, "M_LIMIT_EXCEEDED");
    assert.equal(e.error, "Too Many Requests");
    assert.equal(e.retryAfterMs, 3998);
    assert.equal(seen.length, 1);
    assert.ok(Date.now() - started < 1500, "did not wait");
  });

  test("after rateLimitRetries 429s the last one is thrown", async () => {
    handler = (_req, res) => json(res, 429, { ...RATE_LIMITED, retry_after_ms: 10 });
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/x", { rateLimitRetries: 2 }), SynapseError);
    assert.equal(e.status, 429);
    assert.equal(e.retryAfterMs, 10);
    assert.equal(seen.length, 3);
  });

  test("rateLimitRetries 0 throws the first 429", async () => {
    handler = (_req, res) => json(res, 429, RATE_LIMITED);
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/x", { rateLimitRetries: 0 }), SynapseError);
    assert.equal(e.retryAfterMs, 50);
    assert.equal(seen.length, 1);
  });

  test("without retry_after_ms the Retry-After header (seconds) is used", async () => {
    handler = (_req, res) => json(res, 429, { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests" }, { "retry-after": "7" });
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/x", { maxRateLimitWaitMs: 100 }), SynapseError);
    assert.equal(e.retryAfterMs, 7000);
    assert.equal(seen.length, 1);
  });

  test("a 429 with no wait hint at all is thrown without retrying", async () => {
    handler = (_req, res) => json(res, 429, { errcode: "M_LIMIT_EXCEEDED", error: "Too Many Requests" });
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/x"), SynapseError);
    assert.equal(e.retryAfterMs, undefined);
    assert.equal(seen.length, 1);
  });

  test("aborting the signal during the wait stops the retry", async () => {
    handler = (_req, res) => json(res, 429, { ...RATE_LIMITED, retry_after_ms: 5000 });
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(new Error("cancelled by test")), 100);
    await assert.rejects(synapseFetch({ baseUrl: main.baseUrl }, "/x", { signal: ac.signal }), /cancelled by test/);
    assert.ok(Date.now() - started < 2000);
    assert.equal(seen.length, 1);
  });
});

describe("synapseFetch: requests and errors", () => {
  test("sends accept, bearer token, JSON body and query parameters", async () => {
    handler = (_req, res) => json(res, 200, { done: true });
    const out = await synapseFetch(
      { baseUrl: main.baseUrl + "/", accessToken: "fake-token" },
      "/_synapse/admin/v3/users",
      { method: "PUT", body: { displayname: "A" }, query: { limit: 0, locked: true, skip: undefined, none: null, t: ["bot", "support"] } },
    );
    assert.deepEqual(out, { done: true });
    assert.equal(seen.length, 1);
    assert.equal(seen[0].method, "PUT");
    assert.equal(seen[0].url, "/_synapse/admin/v3/users?limit=0&locked=true&t=bot&t=support");
    assert.equal(seen[0].headers.authorization, "Bearer fake-token");
    assert.equal(seen[0].headers.accept, "application/json");
    assert.equal(seen[0].headers["content-type"], "application/json");
    assert.equal(seen[0].body, '{"displayname":"A"}');
  });

  test("no token and no body means no authorization or content-type header", async () => {
    handler = (_req, res) => json(res, 200, {});
    await synapseFetch({ baseUrl: main.baseUrl }, "/x");
    assert.equal(seen[0].method, "GET");
    assert.equal(seen[0].headers.authorization, undefined);
    assert.equal(seen[0].headers["content-type"], undefined);
  });

  test("an empty 200 body is an empty object", async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.end();
    };
    assert.deepEqual(await synapseFetch({ baseUrl: main.baseUrl }, "/x"), {});
  });

  test("a Matrix error body becomes SynapseError with errcode, error and soft_logout", async () => {
    handler = (_req, res) => json(res, 401, { errcode: "M_USER_LOCKED", error: "User account has been locked", soft_logout: true });
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl, accessToken: "t" }, "/x"), SynapseError);
    assert.equal(e.status, 401);
    assert.equal(e.errcode, "M_USER_LOCKED");
    assert.equal(e.error, "User account has been locked");
    assert.equal(e.softLogout, true);
    assert.equal(e.retryAfterMs, undefined);
  });

  test("an error without a Matrix body gets HTTP_<status> and the status text", async () => {
    handler = (_req, res) => {
      res.writeHead(503, "Service Unavailable");
      res.end();
    };
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/x", { rateLimitRetries: 0 }), SynapseError);
    assert.equal(e.status, 503);
    assert.equal(e.errcode, "HTTP_503");
    assert.equal(e.error, "Service Unavailable");
  });

  test("a non-JSON answer is not-matrix", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>hello</html>");
    };
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/_matrix/client/versions"), HomeserverUnreachableError);
    assert.equal(e.kind, "not-matrix");
    assert.equal(e.url, `${main.baseUrl}/_matrix/client/versions`);
  });

  test("a server that never answers times out as HomeserverUnreachableError 'timeout'", async () => {
    handler = () => {
      /* never answer */
    };
    const started = Date.now();
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/slow", { timeoutMs: 200 }), HomeserverUnreachableError);
    const took = Date.now() - started;
    assert.equal(e.kind, "timeout");
    assert.equal(e.url, `${main.baseUrl}/slow`);
    assert.ok(took >= 150 && took < 3000, `took ${took} ms`);
  });

  test("a closed port is HomeserverUnreachableError 'network'", async () => {
    const tmp = await startServer(() => undefined);
    const closedUrl = tmp.baseUrl;
    await tmp.close();
    const e = await rejectsWith(synapseFetch({ baseUrl: closedUrl }, "/x", { timeoutMs: 2000 }), HomeserverUnreachableError);
    assert.equal(e.kind, "network");
    assert.match(e.message, /ECONNREFUSED/);
  });

  test("a cross-origin redirect is refused as kind 'redirect', without echoing the target", async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: `${other.baseUrl}/_matrix/client/versions` });
      res.end();
    };
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/_matrix/client/versions"), HomeserverUnreachableError);
    assert.equal(e.kind, "redirect");
    assert.equal(e.url, `${main.baseUrl}/_matrix/client/versions`);
    assert.doesNotMatch(e.message, new RegExp(other.baseUrl.replace(/[.]/g, "\\.")));
    assert.equal(seen.length, 1);
  });

  test("synapseFetch does not follow even a same-origin redirect", async () => {
    handler = (req, res) => {
      res.writeHead(301, { location: "/elsewhere" });
      res.end();
    };
    const e = await rejectsWith(synapseFetch({ baseUrl: main.baseUrl }, "/x"), HomeserverUnreachableError);
    assert.equal(e.kind, "redirect");
    assert.deepEqual(seen.map((s) => s.url), ["/x"]);
  });
});

describe("httpFetch redirect policies", () => {
  const redirectTo = (target: string): Handler => (req, res) => {
    if (req.url === "/final") return json(res, 200, { final: true });
    res.writeHead(302, { location: target });
    res.end();
  };

  test("'none' refuses a cross-origin redirect", async () => {
    handler = redirectTo(`${other.baseUrl}/x`);
    const e = await rejectsWith(httpFetch(`${main.baseUrl}/start`, {}, { timeoutMs: 2000, redirects: "none" }), HomeserverUnreachableError);
    assert.equal(e.kind, "redirect");
    assert.doesNotMatch(e.message, /\/x/);
  });

  test("'same-origin' follows a same-origin redirect but refuses a cross-origin one", async () => {
    handler = redirectTo("/final");
    const res = await httpFetch(`${main.baseUrl}/start`, {}, { timeoutMs: 2000, redirects: "same-origin" });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { final: true });

    handler = redirectTo(`${other.baseUrl}/x`);
    const e = await rejectsWith(
      httpFetch(`${main.baseUrl}/start`, {}, { timeoutMs: 2000, redirects: "same-origin" }),
      HomeserverUnreachableError,
    );
    assert.equal(e.kind, "redirect");
  });

  test("no policy follows a redirect to another origin (the other server gets no request)", async () => {
    handler = redirectTo(`${other.baseUrl}/x`);
    let otherHits = 0;
    other.server.once("request", () => otherHits++);
    await rejectsWith(httpFetch(`${main.baseUrl}/start`, {}, { timeoutMs: 2000, redirects: "same-origin" }), HomeserverUnreachableError);
    assert.equal(otherHits, 0);
  });

  test("redirect loops stop after a few hops", async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: "/again" });
      res.end();
    };
    const e = await rejectsWith(httpFetch(`${main.baseUrl}/start`, {}, { timeoutMs: 2000, redirects: "same-origin" }), HomeserverUnreachableError);
    assert.equal(e.kind, "redirect");
    assert.ok(seen.length >= 2 && seen.length <= 5, `${seen.length} requests`);
  });

  test("a POST is never redirected", async () => {
    handler = redirectTo("/final");
    const e = await rejectsWith(
      httpFetch(`${main.baseUrl}/start`, { method: "POST", body: "{}" }, { timeoutMs: 2000, redirects: "same-origin" }),
      HomeserverUnreachableError,
    );
    assert.equal(e.kind, "redirect");
    assert.equal(seen.length, 1);
  });
});

describe("buildUrl", () => {
  test("joins base URL and path and encodes the query", () => {
    assert.equal(
      buildUrl("https://m.example.org/", "/_synapse/admin/v2/users/%40a%3Aexample.org", { q: "a b&c", n: 1, b: false }),
      "https://m.example.org/_synapse/admin/v2/users/%40a%3Aexample.org?q=a+b%26c&n=1&b=false",
    );
    assert.equal(buildUrl("https://m.example.org/prefix", "/x"), "https://m.example.org/prefix/x");
  });
});
