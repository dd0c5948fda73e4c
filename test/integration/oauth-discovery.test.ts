// lib/synapse/oauth.ts against the real test Synapses: the plain one (no delegation) and the one that delegates to
// MAS. Real: Synapse 1.160, the OAuth server (oidc-provider). Stand-in: MAS (e2e/synapse/mas-standin.ts).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { exchangeCode, getAuthServer, registerOAuthClient, revokeToken } from "@/lib/synapse/oauth";
import { describeError } from "@/lib/synapse/describe-error";
import { clientRegistration } from "@/lib/matrix/oauth";
import { loadMasTestbed, loadTestbed } from "../../e2e/synapse/testbed";
import { startMasStandIn, type MasStandIn } from "../../e2e/synapse/mas-standin";
import { messageIn } from "@/lib/i18n/translator";

const mas = loadMasTestbed();
let standIn: MasStandIn;

before(async () => {
  standIn = await startMasStandIn({ port: mas.masPort, synapseUrl: mas.baseUrl, secret: mas.masSecret });
});
after(async () => {
  await standIn?.close();
});

describe("discovery of the authorization server", () => {
  test("a homeserver that does its own logins: null", async () => {
    assert.equal(await getAuthServer(loadTestbed().baseUrl), null);
  });
  test("the MAS homeserver names its issuer and endpoints (auth_metadata)", async () => {
    const meta = await getAuthServer(mas.baseUrl);
    assert.ok(meta);
    assert.equal(meta.issuer, standIn.url);
    assert.match(meta.registrationEndpoint, /^http:\/\/127\.0\.0\.1:\d+\//);
    assert.ok(meta.revocationEndpoint);
  });
  test("registration works; a code that was never issued is refused, with a clear message", async () => {
    const meta = (await getAuthServer(mas.baseUrl))!;
    const clientId = await registerOAuthClient(meta, clientRegistration("http://127.0.0.1:1", "http://127.0.0.1:1/login/oauth/callback"));
    assert.ok(clientId.length > 0);
    const e = await exchangeCode(meta, { clientId, code: "forged", verifier: "x".repeat(43), redirectUri: "http://127.0.0.1:1/login/oauth/callback", scope: "openid" }).catch((x) => x);
    assert.equal(describeError(e).code, "OAUTH_TOKEN_REFUSED");
    // Revoking a token the server never issued is a success (RFC 7009 §2.2).
    await revokeToken({ issuer: meta.issuer, revocationEndpoint: meta.revocationEndpoint! }, { clientId, token: "unknown", hint: "access_token" });
  });
  test("MAS down (Synapse still has its metadata cached): the admin is told the issuer is unreachable", async () => {
    const meta = (await getAuthServer(mas.baseUrl))!;
    await standIn.close();
    try {
      const e = await registerOAuthClient(meta, clientRegistration("http://127.0.0.1:1", "http://127.0.0.1:1/cb")).catch((x) => x);
      assert.equal(describeError(e).code, "OAUTH_ISSUER_UNREACHABLE", String(e));
      assert.match(messageIn(describeError(e).message), /could not be reached/);
    } finally {
      standIn = await startMasStandIn({ port: mas.masPort, synapseUrl: mas.baseUrl, secret: mas.masSecret });
    }
  });
});
