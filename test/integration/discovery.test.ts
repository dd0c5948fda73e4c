// lib/synapse/discovery.ts against the real test Synapse (and closed ports on 127.0.0.1).
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { discoverHomeserver, getServerVersion, probeHomeserver } from "@/lib/synapse/discovery";
import { describeError } from "@/lib/synapse/describe-error";
import { normalizeHomeserverUrl } from "@/lib/matrix/homeserver-url";
import { api, loadTestbed } from "../../e2e/synapse/testbed";
import { unreachable } from "./rejection";
import { messageIn } from "@/lib/i18n/translator";

const tb = loadTestbed();
const baseUrl = tb.baseUrl;
const serverName = tb.serverName ?? "localhost:18008";
const CLOSED = "http://127.0.0.1:9";


let serverVersion: string;
let specVersions: string[];
let wellKnownBaseUrl: string;

before(async () => {
  serverVersion = (await api<{ server_version: string }>("/_synapse/admin/v1/server_version")).body.server_version;
  specVersions = (await api<{ versions: string[] }>("/_matrix/client/versions")).body.versions;
  const wk = await api<{ "m.homeserver": { base_url: string } }>("/.well-known/matrix/client");
  assert.equal(wk.status, 200, "the test server serves its client .well-known");
  const n = normalizeHomeserverUrl(wk.body["m.homeserver"].base_url);
  assert.ok(n.ok);
  wellKnownBaseUrl = n.url;
});

describe("probeHomeserver", () => {
  test("identifies the test server as Synapse with its version and spec versions", async () => {
    const probe = await probeHomeserver(baseUrl);
    assert.equal(probe.baseUrl, baseUrl);
    assert.equal(probe.implementation, "Synapse");
    assert.equal(probe.version, serverVersion);
    assert.match(probe.version!, /^\d+\.\d+\.\d+/);
    assert.deepEqual(probe.specVersions, specVersions);
    assert.ok(probe.specVersions.includes("v1.1"));
  });

  test("getServerVersion needs no token", async () => {
    assert.equal(await getServerVersion(baseUrl), serverVersion);
  });

  test("a path on the server that is not a homeserver base URL is not-matrix", async () => {
    const e = await unreachable(probeHomeserver(`${baseUrl}/not-the-base`));
    assert.equal(e.kind, "not-matrix");
    assert.equal(describeError(e).code, "HS_NOT_MATRIX");
  });

  test("a closed port is kind 'network'", async () => {
    const e = await unreachable(probeHomeserver(CLOSED));
    assert.equal(e.kind, "network");
    assert.match(e.url, /^http:\/\/127\.0\.0\.1:9\//);
    const ui = describeError(e);
    assert.equal(ui.code, "HS_UNREACHABLE");
    assert.match(messageIn(ui.message), /^Could not connect to http:\/\/127\.0\.0\.1:9\. /);
  });
});

describe("discoverHomeserver", () => {
  test("a loopback server name is resolved through its .well-known (over http)", async () => {
    const started = Date.now();
    const [any, none] = await Promise.all([discoverHomeserver(serverName), discoverHomeserver(serverName)]);
    // TLS to Synapse's plain-http port never completes; discovery must not wait for that attempt's 5 s timeout.
    assert.ok(Date.now() - started < 3000, `discovery took ${Date.now() - started} ms`);
    assert.deepEqual(any, { baseUrl: wellKnownBaseUrl, source: "well-known" });
    assert.deepEqual(none, { baseUrl: wellKnownBaseUrl, source: "well-known" });
    // And the result is a working homeserver.
    assert.equal((await probeHomeserver(any.baseUrl)).implementation, "Synapse");
  });

  test("no .well-known (closed port) falls back to https://<server name>", async () => {
    assert.deepEqual(await discoverHomeserver("127.0.0.1:9"), { baseUrl: "https://127.0.0.1:9", source: "fallback" });
  });
});
