// The "notice.broadcast" kind against the real test Synapse (server_notices on; the policy server has none):
// 50 users each receive the notice exactly once, read back as the recipients, also when the instance that
// ran it dies mid-way with a notice sent but not recorded, and another instance takes over.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { getJob, listItems, setItemFenced } from "@/lib/db/jobs";
import { claimNext } from "@/lib/db/leases";
import { forHomeserver } from "@/lib/db/tenant";
import { credentialOfJob } from "@/lib/jobs/job-credential";
import { cancelJob } from "@/lib/jobs/jobs";
import { previewBroadcast, startBroadcast } from "@/lib/jobs/notice-broadcast";
import { credentialTag } from "@/lib/jobs/notice-step";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { jobNoticeTxnId, NOTICES_DISABLED_MESSAGE, sendServerNotice } from "@/lib/synapse/user-notices";
import { sleep } from "@/lib/pool";
import { adminToken, api, loadPolicyTestbed, loadTestbed, passwordLogin, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { noticesReceived, registerBridgeUser } from "../../e2e/notice-fixtures";
import { ended, testRuntime, until } from "./job-helpers";
import { messageIn } from "@/lib/i18n/translator";

const tb = loadTestbed();
let owner: { creds: { baseUrl: string; accessToken: string }; actor: string; homeserver: string };
let server: string;
const putUser = async (userId: string, body: Record<string, unknown> = {}) =>
  assert.equal((await api(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { method: "PUT", token: owner.creds.accessToken, body })).status, 201);

before(async () => {
  owner = { creds: { baseUrl: tb.baseUrl, accessToken: await adminToken() }, actor: tb.admin.userId, homeserver: tb.baseUrl };
  server = await serverName();
});

async function makeUsers(prefix: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `@${prefix}-${String(i).padStart(2, "0")}:${server}`);
  for (const id of ids) await putUser(id);
  return ids;
}

describe("notice broadcast", () => {
  test("50 users each get it once, across a takeover after an owner died with a notice sent but not recorded", async () => {
    const prefix = `bc${randomSuffix()}`;
    const ids = await makeUsers(prefix, 50);
    const text = `Maintenance ${prefix}`;
    const input = { text, audience: "filter" as const, filter: `/users?q=${prefix}-`, includeAppservice: false };
    assert.equal((await previewBroadcast(owner, input)).count, 50);
    const { jobId } = await startBroadcast(owner, { ...input, expectedCount: 50 });

    const a = testRuntime("a").start();
    await until("10 notices sent on A", async () => ((await getJob(jobId))!.done >= 10 ? true : null));
    a.kill();
    await a.settled("job", jobId);
    const job = (await getJob(jobId))!;
    assert.ok(job.done < 50, `A was stopped mid-way (${job.done} done)`);

    // A dead owner's last moments: an item marked in flight and its notice sent, the outcome never recorded.
    const dead = await until("A's lease expired", () => claimNext({ table: "job", statuses: ["running"], skip: [], owner: "dead", leaseMs: 400 }));
    const [sent, other] = (await listItems(jobId, { statuses: ["pending"] }, { skip: 0, take: 2 })).rows;
    await setItemFenced(dead, sent.id, "in-flight", credentialTag(job.credential));
    await sendServerNotice({ creds: credentialOfJob(job)!, actor: owner.actor }, sent.key, text, jobNoticeTxnId(jobId, String(job.params.txnSalt), sent.key));
    // And one sent with another token (as after a Resume by another admin): Synapse cannot see it as a repeat.
    await setItemFenced(dead, other.id, "in-flight", credentialTag("another credential"));
    await sendServerNotice({ creds: owner.creds, actor: owner.actor }, other.key, text, jobNoticeTxnId(jobId, String(job.params.txnSalt), other.key));
    await sleep(500);

    testRuntime("b").start();
    const done = await ended(jobId);
    assert.equal(done.status, "completed", done.message ?? "");
    assert.ok(done.fence >= 3, `claimed by A, the dead owner and B (fence ${done.fence})`);
    const items = (await listItems(jobId, {}, { skip: 0, take: 100 })).rows;
    assert.equal(items.length, 50);
    assert.equal(items.find((r) => r.key === sent.key)?.status, "ok", "re-sent with the same txn id and token: answered, not delivered again");
    const maybe = items.find((r) => r.key === other.key)!;
    assert.equal(maybe.status, "failed");
    assert.match(messageIn(maybe.message ?? "", "en"), /Not sent again/);
    assert.deepEqual(items.filter((r) => r.key !== other.key).map((r) => r.status), Array(49).fill("ok"));
    assert.equal(done.done, 50);
    assert.equal(done.credential, null, "the sealed token is dropped at the end");
    for (const id of ids) assert.deepEqual(await noticesReceived(id), [text], `${id} received it exactly once`);
  });

  test("deactivated users are never sent to; each recipient has an audit entry", async () => {
    const prefix = `bd${randomSuffix()}`;
    const ids = await makeUsers(prefix, 3);
    assert.equal((await api(`/_synapse/admin/v1/deactivate/${encodeURIComponent(ids[2])}`, { method: "POST", token: owner.creds.accessToken, body: {} })).status, 200);
    const input = { text: `Hello ${prefix}`, audience: "filter" as const, filter: `q=${prefix}-&deactivated=all`, includeAppservice: false };
    const { count } = await previewBroadcast(owner, input);
    assert.equal(count, 2, "deactivated users are not counted, whatever the filter says");
    const { jobId } = await startBroadcast(owner, { ...input, expectedCount: 2 });
    testRuntime("c").start();
    assert.equal((await ended(jobId)).status, "completed");
    for (const id of ids.slice(0, 2)) assert.deepEqual(await noticesReceived(id), [input.text]);
    const entries = async (target: string) => (await forHomeserver(tb.baseUrl).audit.list({ action: "server.notice.broadcast", target }, { skip: 0, take: 10 })).rows;
    assert.deepEqual((await entries(ids[0])).map((e) => e.outcome), ["ok"]);
    assert.deepEqual(await entries(ids[2]), [], "a deactivated user was never listed");
  });

  test("a cancel asked through the database (by another admin) stops the broadcast; users not reached get nothing", async () => {
    const prefix = `bx${randomSuffix()}`;
    const ids = await makeUsers(prefix, 16);
    const input = { text: `Cancelled ${prefix}`, audience: "filter" as const, filter: `q=${prefix}-`, includeAppservice: false };
    const { jobId } = await startBroadcast(owner, { ...input, expectedCount: 16 });
    testRuntime("x").start();
    await until("2 sent", async () => ((await getJob(jobId))!.done >= 2 ? true : null));
    assert.equal(await cancelJob(tb.baseUrl, jobId, "@another-admin:example.org"), "cancelling");
    const job = await ended(jobId);
    assert.equal(job.status, "cancelled");
    assert.equal(job.cancelledBy, "@another-admin:example.org");
    const items = (await listItems(jobId, {}, { skip: 0, take: 100 })).rows;
    const skipped = items.filter((r) => r.status === "skipped");
    assert.ok(skipped.length > 0, "some users were not reached");
    assert.equal(items.filter((r) => r.status === "pending" || r.status === "in-flight").length, 0);
    for (const r of items) assert.deepEqual(await noticesReceived(r.key), r.status === "ok" ? [input.text] : [], `${r.key} (${r.status})`);
    assert.equal(ids.length, items.length);
  });

  // Only the provisioned test bed has the bridge (application service) registered.
  if (!tb.external) test("application service (bridge) users are left out unless asked", async () => {
    const prefix = `bridge_bc${randomSuffix()}`;
    const bridged = [await registerBridgeUser(`${prefix}-a`), await registerBridgeUser(`${prefix}-b`)];
    const input = { text: `Bridged ${prefix}`, audience: "filter" as const, filter: `q=${prefix}-`, includeAppservice: false };
    const { jobId } = await startBroadcast(owner, { ...input, expectedCount: 2 });
    testRuntime("as").start();
    assert.equal((await ended(jobId)).status, "completed");
    const items = (await listItems(jobId, {}, { skip: 0, take: 10 })).rows;
    assert.deepEqual(items.map((r) => [r.status, messageIn(r.message ?? "", "en")]), bridged.map(() => ["skipped", "Application service user (test-bridge): left out."]));
    const asked = await startBroadcast(owner, { ...input, text: `Asked ${prefix}`, includeAppservice: true, expectedCount: 2 });
    assert.equal((await ended(asked.jobId)).status, "completed");
    assert.deepEqual((await listItems(asked.jobId, {}, { skip: 0, take: 10 })).rows.map((r) => r.status), ["ok", "ok"]);
    for (const id of bridged) assert.deepEqual(await noticesReceived(id), [`Asked ${prefix}`]);
  });

  test("bad input starts nothing: a filter matching nobody, a count that changed", async () => {
    const nobody = { text: "x", audience: "filter" as const, filter: `q=nobody-${randomSuffix()}`, includeAppservice: false };
    await assert.rejects(previewBroadcast(owner, nobody), (e: unknown) => e instanceof PortalRefusal && e.code === "NO_USERS");
    const prefix = `bn${randomSuffix()}`;
    await makeUsers(prefix, 2);
    const input = { text: "x", audience: "filter" as const, filter: `q=${prefix}-`, includeAppservice: false };
    await assert.rejects(startBroadcast(owner, { ...input, expectedCount: 3 }), (e: unknown) => e instanceof PortalRefusal && e.code === "COUNT_CHANGED");
  });

  // Only the provisioned test bed has a server without server_notices (its policy server).
  const policy = loadPolicyTestbed();
  if (policy) test("a server without server_notices: the how-to, before any job starts", async () => {
    const token = await passwordLogin(policy.admin.userId, policy.admin.password, policy.baseUrl);
    const other = { creds: { baseUrl: policy.baseUrl, accessToken: token }, actor: policy.admin.userId, homeserver: policy.baseUrl };
    const input = { text: "x", audience: "all" as const, filter: "", includeAppservice: false };
    await assert.rejects(previewBroadcast(other, input), (e: unknown) => e instanceof PortalRefusal && e.message === NOTICES_DISABLED_MESSAGE);
    await assert.rejects(startBroadcast(other, { ...input, expectedCount: 1 }), (e: unknown) => e instanceof PortalRefusal && e.code === "NOTICES_DISABLED");
  });
});
