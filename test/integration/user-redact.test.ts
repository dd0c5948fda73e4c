// The "user.redact" job kind against the real test Synapse: the spammer's events are sent through the
// client API as that user, the job runs on a JobRuntime of this process (standing for a portal instance),
// and the effect is checked through Synapse's admin API. The takeover tests leave a job the way a dead
// owner would (in flight, with or without the redaction id recorded) and check Synapse got one task only.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { inEnglish } from "./rejection";
import { messageIn } from "@/lib/i18n/translator";
import { claimNext } from "@/lib/db/leases";
import { listItems, setItemFenced, updateJobFenced } from "@/lib/db/jobs";
import { listAuditEntries } from "@/lib/db/audit";
import { registerJobKind } from "@/lib/jobs/job-driver";
import type { JobRuntime } from "@/lib/jobs/runtime";
import { adminOwner, jobEnded, startRuntime, type Owner } from "./moderation-helpers";
import { startUserRedactJob } from "@/lib/jobs/moderation-start";
import { USER_REDACT, userRedactKind } from "@/lib/jobs/user-redact";
import { startUserRedaction } from "@/lib/synapse/user-redact";
import { redactUserEventsSchema } from "@/lib/schemas/moderation";
import { sleep } from "@/lib/pool";
import { api, randomSuffix } from "../../e2e/synapse/testbed";
import { createMember, seedRoom } from "../../e2e/rooms-fixtures";

let owner: Owner;
const runtimes: JobRuntime[] = [];

registerJobKind(userRedactKind);

before(async () => {
  owner = await adminOwner();
});
after(async () => {
  for (const rt of runtimes) await rt.stop(2000);
});

type Ev = { event_id: string; type: string; sender: string; content: Record<string, unknown>; unsigned?: { redacted_because?: unknown } };
async function messagesOf(roomId: string, sender: string): Promise<Ev[]> {
  const r = await api<{ chunk: Ev[] }>(`/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/messages?dir=f&limit=200`, { token: owner.creds.accessToken });
  return r.body.chunk.filter((e) => e.type === "m.room.message" && e.sender === sender);
}
async function redactTasks(userId: string): Promise<{ id: string; status: string }[]> {
  const r = await api<{ scheduled_tasks: { id: string; status: string }[] }>(
    `/_synapse/admin/v1/scheduled_tasks?action_name=redact_all_events&resource_id=${encodeURIComponent(userId)}`,
    { token: owner.creds.accessToken },
  );
  return r.body.scheduled_tasks;
}
async function spammerWithRooms() {
  const spammer = await createMember(`it-redact-${randomSuffix()}`);
  const a = await seedRoom(spammer, `it-redact-a-${randomSuffix()}`, { messages: ["spam a1", "spam a2"] });
  const b = await seedRoom(spammer, `it-redact-b-${randomSuffix()}`, { messages: ["spam b1"] });
  return { spammer, a, b };
}
const input = (userId: string, extra: Record<string, unknown> = {}) => redactUserEventsSchema.parse({ userId, scope: "all", ...extra });

describe("user.redact", () => {
  test("redacts every event of the user in every room, records the task id, audits the user", async () => {
    const { spammer, a, b } = await spammerWithRooms();
    startRuntime(runtimes);
    const view = await startUserRedactJob(owner, input(spammer.userId, { reason: "spam wave" }));
    const job = await jobEnded(view.id);
    assert.equal(job.status, "completed", job.message ?? "");
    for (const room of [a, b]) {
      const evs = await messagesOf(room, spammer.userId);
      assert.ok(evs.length > 0);
      for (const e of evs) assert.deepEqual(e.content, {}, `${e.event_id} in ${room} redacted`);
    }
    const [task] = await redactTasks(spammer.userId);
    assert.deepEqual(job.result?.redactIds, { [spammer.userId]: task.id });
    const items = await listItems(view.id, {}, { skip: 0, take: 10 });
    assert.deepEqual(items.rows.map((r) => [r.key, r.status]), [[spammer.userId, "ok"]]);
    const audit = await listAuditEntries(owner.homeserver, { action: "user.redact-events" }, { skip: 0, take: 50 });
    assert.ok(audit.rows.some((r) => r.target === spammer.userId && r.outcome === "ok"), "the user's redaction is in the audit log");
  });

  test("in chosen rooms only: the other room keeps its messages", async () => {
    const { spammer, a, b } = await spammerWithRooms();
    startRuntime(runtimes);
    const view = await startUserRedactJob(owner, input(spammer.userId, { scope: "chosen", rooms: [a] }));
    assert.equal((await jobEnded(view.id)).status, "completed");
    for (const e of await messagesOf(a, spammer.userId)) assert.deepEqual(e.content, {});
    assert.deepEqual((await messagesOf(b, spammer.userId)).map((e) => e.content.body), ["spam b1"]);
  });

  test("bad input sends nothing: an unknown user, a remote user, no room chosen", async () => {
    const ghost = `@it-ghost-${randomSuffix()}:${owner.actor.split(":").slice(1).join(":")}`;
    await assert.rejects(startUserRedactJob(owner, input(ghost)), inEnglish(/There is no user/));
    assert.deepEqual(await redactTasks(ghost), [], "Synapse got no redaction for the unknown user");
    await assert.rejects(startUserRedactJob(owner, input("@someone:elsewhere.example")), inEnglish(/not a user of this homeserver/));
    const none = redactUserEventsSchema.safeParse({ userId: owner.actor, scope: "chosen", rooms: [] });
    assert.equal(none.success, false);
    assert.match(messageIn(none.error!.issues[0].message), /Choose at least one room/);
    assert.equal(redactUserEventsSchema.safeParse({ userId: owner.actor, scope: "chosen", rooms: ["not-a-room"] }).success, false);
  });

  for (const recorded of [true, false]) {
    test(`a takeover follows the task the dead owner started (id ${recorded ? "recorded" : "not yet recorded"}): Synapse gets one redaction`, async () => {
      const { spammer, a } = await spammerWithRooms();
      for (const rt of runtimes.splice(0)) await rt.stop(2000); // nobody else claims while the "dead owner" works
      const view = await startUserRedactJob(owner, input(spammer.userId));
      const dead = await claimNext({ table: "job", statuses: ["queued"], kinds: [USER_REDACT], skip: [], owner: "dead", leaseMs: 500 });
      assert.equal(dead?.id, view.id);
      const [item] = (await listItems(view.id, {}, { skip: 0, take: 1 })).rows;
      await setItemFenced(dead!, item.id, "in-flight");
      const sent = await startUserRedaction(owner.creds, spammer.userId, { rooms: [] });
      if (recorded) await updateJobFenced(dead!, { result: { redactIds: { [spammer.userId]: sent } } });
      await sleep(600); // the dead owner's lease expires
      startRuntime(runtimes);
      const job = await jobEnded(view.id);
      assert.equal(job.status, "completed", job.message ?? "");
      assert.deepEqual((await redactTasks(spammer.userId)).map((t) => t.id), [sent], "no second redaction was sent");
      assert.deepEqual(job.result?.redactIds, { [spammer.userId]: sent });
      for (const e of await messagesOf(a, spammer.userId)) assert.deepEqual(e.content, {});
    });
  }
});
