// A job's own credential under MAS (lib/jobs/job-credential.ts), against the test Synapse that delegates to MAS.
// Real: Synapse 1.160 (its MAS token introspection and admin API), the OAuth server (oidc-provider) that signs the
// admin in with the authorization code flow, the job runtime and its database. Stand-in: MAS itself, including its
// admin API's users/by-username and personal sessions (e2e/synapse/mas-standin.ts); no real MAS was tried.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { getJob } from "@/lib/db/jobs";
import { registerJobKind, PauseJob } from "@/lib/jobs/job-driver";
import { credentialFor, credentialOfJob } from "@/lib/jobs/job-credential";
import { startJob, type JobOwner } from "@/lib/jobs/jobs";
import { parseMessage } from "@/lib/i18n/message";
import en from "../../messages/en.json";
import { authorizeUrl, clientRegistration, createPkce, newDeviceId, requestedScopes, SCOPE_MAS_ADMIN } from "@/lib/matrix/oauth";
import { tokenHasAdminRights, whoami } from "@/lib/synapse/auth";
import { isSessionEnded } from "@/lib/synapse/errors";
import { createMasPersonalSession, getMasUserId } from "@/lib/synapse/mas-admin";
import { exchangeCode, getAuthServer, registerOAuthClient, revokeToken } from "@/lib/synapse/oauth";
import { sleep } from "@/lib/pool";
import { loadMasTestbed, randomSuffix } from "../../e2e/synapse/testbed";
import { startMasStandIn, type MasStandIn } from "../../e2e/synapse/mas-standin";
import { ended, testRuntime } from "./job-helpers";
import { chunked } from "./import-helpers";
import { getImportJob } from "@/lib/db/import-jobs";
import { startImport } from "@/lib/jobs/import-commands";
import { waitForImport } from "@/lib/jobs/import-runner";
import { receiveImportFile } from "@/lib/jobs/import-upload";
import { DEFAULT_IMPORT_OPTIONS } from "@/lib/schemas/import";

const mas = loadMasTestbed();
const REDIRECT = "http://127.0.0.1:1/login/oauth/callback";
const ADMIN = `mas-job-${randomSuffix()}`;
let standIn: MasStandIn;

/** What the test kind saw: the token it ran with and who Synapse said it was. */
const seen = new Map<number, { token: string; deviceId: string | null; admin: boolean }>();
registerJobKind({
  kind: "test.mas-credential",
  needsCredential: true,
  run: async (job) => {
    try {
      const me = await whoami(job.creds!);
      seen.set(job.job.id, { token: job.creds!.accessToken, deviceId: me.deviceId, admin: await tokenHasAdminRights(job.creds!) });
    } catch (e) {
      if (isSessionEnded(e)) throw new PauseJob("the kind's own words", true);
      throw e;
    }
    return { status: "completed" };
  },
});

before(async () => {
  standIn = await startMasStandIn({ port: mas.masPort, synapseUrl: mas.baseUrl, secret: mas.masSecret });
  standIn.op.canRequestAdmin.add(ADMIN);
  testRuntime("mas-job");
});
after(async () => {
  await standIn?.close();
});

/** The portal's OAuth sign-in without a browser: the code flow through the provider's pages, cookies kept by hand. */
async function signIn(masAdmin: boolean, opts: { checked?: boolean } = {}): Promise<JobOwner & { masIssuer: string; scopes: string[]; clientId: string }> {
  const meta = (await getAuthServer(mas.baseUrl))!;
  const clientId = await registerOAuthClient(meta, clientRegistration("http://127.0.0.1:1", REDIRECT));
  const pkce = createPkce();
  const scope = requestedScopes(newDeviceId(), masAdmin);
  const cookies = new Map<string, string>();
  let next = authorizeUrl(meta, { clientId, redirectUri: REDIRECT, scope, state: randomSuffix().padEnd(32, "x"), nonce: "n", challenge: pkce.challenge });
  let form: URLSearchParams | null = null;
  for (let hop = 0; !next.startsWith(REDIRECT); hop++) {
    assert.ok(hop < 12, "the sign-in ends at the redirect URI");
    const res: Response = await fetch(next, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: form ?? undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = res.headers.get("location");
    form = null;
    if (location) next = new URL(location, next).toString();
    else if (res.status === 200 && (await res.text()).includes('name="username"')) form = new URLSearchParams({ username: ADMIN });
    else assert.fail(`unexpected answer ${res.status} at ${next}`);
  }
  const code = new URL(next).searchParams.get("code");
  assert.ok(code, "an authorization code");
  const tokens = await exchangeCode(meta, { clientId, code, verifier: pkce.verifier, redirectUri: REDIRECT, scope });
  const creds = { baseUrl: mas.baseUrl, accessToken: tokens.accessToken };
  // As the portal's sign-in does: Synapse checks the token (the stand-in provisions the user in Synapse, as MAS has).
  const actor = opts.checked === false ? `@${ADMIN}:${mas.serverName}` : (await whoami(creds)).userId;
  return { creds, actor, homeserver: mas.baseUrl, masIssuer: meta.issuer, scopes: [...tokens.scope], clientId };
}

describe("a job's own credential under MAS", () => {
  test("with urn:mas:admin: a personal session of its own, working on Synapse, revoked when the job ends", async () => {
    const owner = await signIn(true);
    assert.ok(owner.scopes.includes(SCOPE_MAS_ADMIN), "the session holds the MAS admin scope");
    const id = await startJob(owner, { kind: "test.mas-credential", params: {}, phase: "queued" });
    const job = await ended(id);
    assert.equal(job.status, "completed", job.message ?? "");

    const used = seen.get(id);
    assert.ok(used, "the job ran");
    assert.match(used.token, /^mpt_/, "a personal access token, not the admin's session token");
    assert.notEqual(used.token, owner.creds.accessToken);
    assert.equal(used.admin, true, "Synapse's admin API accepts it (urn:synapse:admin:*)");
    const ps = standIn.personalSessions.find((p) => p.token === used.token);
    assert.ok(ps, "MAS has a personal session for it");
    assert.equal(ps.username, ADMIN, "acting as the admin");
    assert.match(ps.humanName, /^Synapse Admin Portal job/);
    assert.ok(ps.expiresAt && ps.expiresAt - Date.now() > 23 * 3600_000 && ps.expiresAt - Date.now() <= 24 * 3600_000, "a bounded lifetime (24 h by default)");
    assert.ok(used.deviceId && ps.scope.includes(`urn:matrix:client:device:${used.deviceId}`), "a device of its own, named in its scope");

    // Ended: revoked at MAS, and Synapse (whose device MAS removed) refuses it at once.
    assert.equal(job.credential, null, "nothing left sealed in the row");
    assert.ok(ps.revokedAt, "the job's end revoked the personal session");
    const after = await whoami({ baseUrl: mas.baseUrl, accessToken: used.token }).catch((e) => e);
    assert.ok(isSessionEnded(after), `Synapse refuses the revoked token (${after})`);
    assert.equal(await tokenHasAdminRights(owner.creds), true, "the admin's own session is untouched");
  });

  test("the CSV import takes the same path: its own personal session while it runs, revoked when it ends", async () => {
    const owner = await signIn(true);
    const up = await receiveImportFile({
      actor: owner.actor, homeserver: owner.homeserver, serverName: mas.serverName, fileName: "mas.csv", maxBytes: 1 << 20,
      options: { ...DEFAULT_IMPORT_OPTIONS, dryRun: true, passwords: "none" }, body: chunked(`id\nmas-import-${randomSuffix()}\n`),
    });
    assert.ok(up.ok, up.ok ? "" : up.message);
    await startImport(up.jobId, owner);
    const ps = standIn.personalSessions.find((p) => p.humanName === `Synapse Admin Portal import #${up.jobId}`);
    assert.ok(ps, "the import got a personal session of its own");
    await waitForImport(up.jobId);
    const job = await getImportJob(up.jobId);
    assert.equal(job?.status, "completed", job?.message ?? "");
    assert.ok(standIn.introspected.includes(ps.token), "the worker's calls to Synapse used it");
    assert.ok(ps.revokedAt, "revoked when the import ended");
    assert.equal(job?.credential, null);
  });

  test("a personal token past its lifetime is refused (what a job running longer than MAS_JOB_TOKEN_HOURS meets)", async () => {
    const owner = await signIn(true);
    const actorUserId = await getMasUserId(owner.masIssuer, owner.creds.accessToken, ADMIN);
    const ps = await createMasPersonalSession(owner.masIssuer, owner.creds.accessToken, {
      actorUserId, humanName: "expiry test", scope: "urn:matrix:client:api:* urn:synapse:admin:*", expiresInSeconds: 1,
    });
    await sleep(1500);
    const e = await whoami({ baseUrl: mas.baseUrl, accessToken: ps.accessToken }).catch((x) => x);
    assert.ok(isSessionEnded(e), `Synapse refuses the expired token (${e})`);
  });

  test("without urn:mas:admin: the admin's session token, and a pause that says why and what to do", async () => {
    const owner = await signIn(false);
    assert.ok(!owner.scopes.includes(SCOPE_MAS_ADMIN));
    const before = standIn.personalSessions.length;
    const credential = await credentialFor(owner, "test", true);
    assert.equal(credential.kind, "mas-session", "the fallback kind");
    assert.equal(credentialOfJob({ id: 1, homeserver: mas.baseUrl, credential: credential.seal(1), credentialKind: credential.kind })?.accessToken, owner.creds.accessToken);
    assert.equal(standIn.personalSessions.length, before, "no personal session was asked for");

    // The session's token ends (as MAS expires it after minutes; here revoked at the provider, RFC 7009, before
    // Synapse ever saw it, since Synapse caches a token's introspection for 2 minutes): the job pauses, saying why.
    const meta = (await getAuthServer(mas.baseUrl))!;
    const fresh = await signIn(false, { checked: false });
    await revokeToken({ issuer: meta.issuer, revocationEndpoint: meta.revocationEndpoint! }, { clientId: fresh.clientId, token: fresh.creds.accessToken, hint: "access_token" });
    assert.equal(await standIn.isActive(fresh.creds.accessToken), false, "the provider says the token is gone");
    const id = await startJob(fresh, { kind: "test.mas-credential", params: {}, phase: "queued" });
    const job = await ended(id);
    assert.equal(job.status, "paused");
    // (A reference read against the English catalogue: next-intl's translator does not load under react-server.)
    assert.equal(parseMessage(job.message ?? "")?.key, "masJobs.pausedNoMasAdmin", String(job.message));
    assert.match(en.masJobs.pausedNoMasAdmin, /lacks MAS admin rights \(urn:mas:admin\).*"Also request MAS admin rights" ticked, and press Resume/);
    assert.equal((await getJob(id))?.credential, null, "the dead token was dropped");
  });
});
