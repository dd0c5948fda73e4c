// The network guard and the anonymous-facing fetches against tiny fake homeservers on loopback: metadata
// names send nothing, redirects to another host are not followed, garbage and endless answers end cleanly,
// remote error text is never shown, and private addresses follow the portal's pinning policy.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { configureNetworkGuard, type Resolver } from "@/lib/synapse/network-guard";
import { discoverHomeserver, probeHomeserver } from "@/lib/synapse/discovery";
import { loginWithPassword } from "@/lib/synapse/auth";
import { synapseFetch } from "@/lib/synapse/client";
import { describeError } from "@/lib/synapse/describe-error";
import { described } from "./rejection";
import { HomeserverUnreachableError } from "@/lib/synapse/errors";
import { forgetCachedPins, mayReachPrivate } from "@/lib/auth/network-policy";
import { db } from "@/lib/db/client";
import { listPinnedHomeservers, notePublicHomeserver, pinHomeservers } from "@/lib/db/pinned-homeservers";

type Fake = { url: string; port: number; hits: string[]; close: () => Promise<void> };

async function fakeServer(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Fake> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

async function refusal(p: Promise<unknown>): Promise<HomeserverUnreachableError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof HomeserverUnreachableError, `expected HomeserverUnreachableError, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    return e;
  }
  assert.fail("expected a refusal");
}

// Names that only this resolver knows: reaching a fake server through one proves the checked address is used.
const names: Record<string, string> = { "metadata.test": "169.254.169.254", "fake.test": "127.0.0.1", "ula.test": "fd00:ec2::254" };
let resolved: string[] = [];
const testResolver: Resolver = async (host) => {
  resolved.push(host);
  const address = names[host];
  if (!address) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  return [{ address, family: address.includes(":") ? 6 : 4 }];
};

let homeserver: Fake; // a Matrix-looking fake
let other: Fake; // "another host" that redirects point to

before(async () => {
  configureNetworkGuard({ resolve: testResolver, allowPrivate: () => true });
  other = await fakeServer((_req, res) => json(res, 200, { "m.homeserver": { base_url: "http://127.0.0.1:1" } }));
  homeserver = await fakeServer((req, res) => {
    if (req.url === "/_matrix/client/versions") return json(res, 200, { versions: ["v1.12"] });
    if (req.url === "/_synapse/admin/v1/server_version") return json(res, 200, { server_version: "<b>9.9</b> run this" });
    if (req.url === "/_matrix/client/v3/login") return json(res, 400, { errcode: "M_UNKNOWN", error: "internal secret: db password is hunter2" });
    if (req.url === "/.well-known/matrix/client") {
      res.writeHead(302, { location: `${other.url}/.well-known/matrix/client` });
      return res.end();
    }
    if (req.url === "/garbage") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end("<html>not json");
    }
    if (req.url === "/endless") {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk));
      };
      res.on("drain", pump);
      return pump();
    }
    json(res, 404, { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" });
  });
});

after(async () => {
  await Promise.all([homeserver.close(), other.close()]);
});

describe("network guard", () => {
  test("a name resolving to a metadata address sends no request", async () => {
    resolved = [];
    const e = await refusal(probeHomeserver(`http://metadata.test:${homeserver.port}`));
    assert.equal(e.kind, "policy");
    assert.deepEqual(resolved, ["metadata.test"]);
    assert.deepEqual(homeserver.hits, []);
    assert.equal(describeError(e).code, "HS_REFUSED_BY_POLICY");
    const ula = await refusal(synapseFetch({ baseUrl: `http://ula.test:${homeserver.port}` }, "/_matrix/client/versions"));
    assert.equal(ula.kind, "policy");
    for (const literal of ["http://169.254.169.254", "http://[fe80::1]", "http://100.100.100.200"]) {
      assert.equal((await refusal(synapseFetch({ baseUrl: literal }, "/x"))).kind, "policy", literal);
    }
  });

  test("the connection goes to the address the guard checked (a name only the injected resolver knows)", async () => {
    const probe = await probeHomeserver(`http://fake.test:${homeserver.port}`);
    assert.deepEqual(probe.specVersions, ["v1.12"]);
    assert.ok(homeserver.hits.includes("GET /_matrix/client/versions"));
  });

  test("private addresses are refused, before any request, when the gate says no", async () => {
    const before = homeserver.hits.length;
    configureNetworkGuard({ allowPrivate: () => false });
    try {
      assert.equal((await refusal(probeHomeserver(homeserver.url))).kind, "policy");
    } finally {
      configureNetworkGuard({ allowPrivate: () => true });
    }
    assert.equal(homeserver.hits.length, before);
  });
});

describe("answers of a hostile homeserver", () => {
  test("discovery follows no redirect to another host, and the other host gets no request", async () => {
    const d = await discoverHomeserver(`127.0.0.1:${homeserver.port}`);
    assert.deepEqual(d, { baseUrl: `https://127.0.0.1:${homeserver.port}`, source: "fallback" });
    assert.deepEqual(other.hits, []);
  });

  test("an unvalidated server_version is not shown", async () => {
    const probe = await probeHomeserver(homeserver.url);
    assert.equal(probe.version, null);
    assert.equal(probe.implementation, null);
  });

  test("a remote error string never reaches the message", async () => {
    const failed = await loginWithPassword(homeserver.url, "@a:fake.test", "pw").then(() => null, (e: unknown) => e);
    assert.ok(failed, "the login must fail");
    const ui = described(failed, "login");
    assert.doesNotMatch(ui.message, /hunter2|internal secret/);
    assert.match(ui.message, /refused the sign-in \(HTTP 400\)/);
  });

  test("garbage is 'not a Matrix server'", async () => {
    const e = await refusal(synapseFetch({ baseUrl: homeserver.url }, "/garbage"));
    assert.equal(describeError(e).code, "HS_NOT_MATRIX");
  });

  test("an endless body is cut at the size cap and ends cleanly", async () => {
    const started = Date.now();
    const e = await refusal(synapseFetch({ baseUrl: homeserver.url }, "/endless", { maxBodyBytes: 1024 * 1024 }));
    assert.equal(e.kind, "too-large");
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.equal(describeError(e).code, "HS_NOT_MATRIX");
  });
});

describe("the portal's private-address policy", () => {
  test("first run allows private homeservers; once one is pinned, only pinned ones", async () => {
    assert.deepEqual(await listPinnedHomeservers(), [], "a fresh database has no pins");
    forgetCachedPins();
    assert.equal(await mayReachPrivate("10.0.0.5:8080"), true);
    await pinHomeservers([`127.0.0.1:${homeserver.port}`]);
    forgetCachedPins();
    assert.equal(await mayReachPrivate(`127.0.0.1:${homeserver.port}`), true);
    assert.equal(await mayReachPrivate("10.0.0.5:8080"), false);
    assert.equal(await mayReachPrivate(`127.0.0.1:${other.port}`), false);
  });

  test("a sign-in to a public homeserver ends the first run too, and never makes it reachable at a private address", async () => {
    await db().pinnedHomeserver.deleteMany();
    forgetCachedPins();
    assert.equal(await mayReachPrivate("10.0.0.5:8080"), true, "first run again");
    await notePublicHomeserver("matrix.example.org:443");
    forgetCachedPins();
    assert.equal(await mayReachPrivate("10.0.0.5:8080"), false, "an admin has signed in: the first run is over");
    assert.equal(await mayReachPrivate("matrix.example.org:443"), false, "a public pin is no ticket to a private address");
    assert.deepEqual((await listPinnedHomeservers()).includes("matrix.example.org:443"), false);
  });
});
