// Two clicks or two tabs on one import job at once (security review M3, within one process): one request
// wins, the other is refused, no row is carried on twice and no job device is left behind on Synapse.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { adminToken, api, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { importCsv, jobState, testActor, uploadCsv } from "./import-helpers";
import { messageIn } from "@/lib/i18n/translator";
import { getImportJob } from "@/lib/db/import-jobs";
import { runDryRunForReal, startImport } from "@/lib/jobs/import-commands";
import { waitForImport } from "@/lib/jobs/import-runner";

/** The admin's devices that a job minted (the portal names them after the job). */
async function jobDevices(jobId: number): Promise<string[]> {
  const tb = (await testActor()).actor;
  const r = await api<{ devices: { device_id: string; display_name: string | null }[] }>(
    `/_synapse/admin/v2/users/${encodeURIComponent(tb)}/devices`,
    { token: await adminToken() },
  );
  return r.body.devices.filter((d) => d.display_name === `Synapse Admin Portal import #${jobId}`).map((d) => d.device_id);
}

describe("double submits", () => {
  test("two Starts of one reviewed job: one runs, one is refused, no device token stays on Synapse", async () => {
    const s = randomSuffix();
    const up = await uploadCsv(`id\nds-a-${s}\nds-b-${s}\n`, { passwords: "none" });
    assert.ok(up.ok && up.invalidRows === 0);
    const who = await testActor();
    const results = await Promise.allSettled([startImport(up.jobId, who), startImport(up.jobId, who)]);
    assert.deepEqual(results.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    assert.match(messageIn(String(refused.reason?.message)), /changed meanwhile|already been started/);
    await waitForImport(up.jobId);
    const { job, rows } = await jobState(up.jobId);
    assert.equal(job.status, "completed");
    assert.deepEqual(rows.map((r) => r.status), ["created", "created"]);
    assert.equal((await getImportJob(up.jobId))!.credential, null);
    assert.deepEqual(await jobDevices(up.jobId), [], "the loser's and the winner's job devices are logged out");
  });

  test("two 'Run for real' of one dry run: one follow-up job, the other request refused", async () => {
    const s = randomSuffix();
    const hs = await serverName();
    const dry = await importCsv(`id\ndr-a-${s}\ndr-b-${s}\n`, { passwords: "none", dryRun: true });
    assert.equal(dry.job.status, "completed");
    const who = await testActor();
    const results = await Promise.allSettled([runDryRunForReal(dry.jobId, who), runDryRunForReal(dry.jobId, who)]);
    const won = results.filter((r): r is PromiseFulfilledResult<number> => r.status === "fulfilled");
    assert.equal(won.length, 1, JSON.stringify(results.map((r) => (r.status === "rejected" ? String(r.reason) : r.value))));
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    assert.match(messageIn(String(lost.reason?.message)), /already (being|been) carried on/);
    await waitForImport(won[0].value);
    const real = await jobState(won[0].value);
    assert.deepEqual(real.rows.map((r) => [r.userId, r.status]), [
      [`@dr-a-${s}:${hs}`, "created"],
      [`@dr-b-${s}:${hs}`, "created"],
    ]);
  });
});
