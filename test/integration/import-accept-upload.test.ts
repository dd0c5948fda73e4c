// import-commands.acceptUpload, what the upload route hands a file to, against the real Synapse: it reads
// the file, starts it when no row is invalid, and writes the upload and start audit rows.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { adminToken, api, randomSuffix, serverName } from "../../e2e/synapse/testbed";
import { chunked, testActor } from "./import-helpers";
import { listAuditEntries } from "@/lib/db/audit";
import { getImportJob } from "@/lib/db/import-jobs";
import { acceptUpload } from "@/lib/jobs/import-commands";
import { waitForImport } from "@/lib/jobs/import-runner";
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from "@/lib/schemas/import";
import { messageIn } from "@/lib/i18n/translator";

async function accept(fileName: string, csv: string, options: Partial<ImportOptions> = {}) {
  const opts = { ...DEFAULT_IMPORT_OPTIONS, dryRun: false, passwords: "none" as const, ...options };
  return acceptUpload(await testActor(), { fileName, options: opts, body: chunked(csv), maxBytes: 1024 * 1024 });
}

/** The audit rows written for a file, by action (the worker's finish row may land before the start row). */
async function auditOf(fileName: string) {
  const { rows } = await listAuditEntries((await testActor()).homeserver, { target: fileName }, { skip: 0, take: 20 });
  return rows.map((r) => [r.action, r.outcome, r.params?.rows ?? null, r.params?.invalidRows ?? null]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

async function exists(userId: string): Promise<boolean> {
  return (await api(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { token: await adminToken() })).status === 200;
}

describe("acceptUpload", () => {
  test("a file without invalid rows starts at once; upload, start and finish are audited", async () => {
    const s = randomSuffix();
    const file = `accept-ok-${s}.csv`;
    const out = await accept(file, `id\nacc-a-${s}\nacc-b-${s}\n`);
    assert.ok(out.ok);
    assert.equal(out.started, true);
    assert.equal(out.startError, undefined);
    assert.deepEqual([out.totalRows, out.invalidRows], [2, 0]);
    await waitForImport(out.jobId);
    assert.equal((await getImportJob(out.jobId))!.status, "completed");
    const hs = await serverName();
    assert.ok(await exists(`@acc-a-${s}:${hs}`));
    assert.ok(await exists(`@acc-b-${s}:${hs}`));
    assert.deepEqual(await auditOf(file), [
      ["import.finish", "ok", null, null],
      ["import.start", "ok", null, null],
      ["import.upload", "ok", 2, 0],
    ]);
  });

  test("a file with an invalid row waits for review and is not started", async () => {
    const s = randomSuffix();
    const file = `accept-review-${s}.csv`;
    const out = await accept(file, `id,admin\nacc-r-${s},true\nacc-bad-${s},perhaps\n`);
    assert.ok(out.ok);
    assert.equal(out.started, false);
    assert.equal(out.invalidRows, 1);
    assert.equal((await getImportJob(out.jobId))!.status, "review");
    assert.equal(await exists(`@acc-r-${s}:${await serverName()}`), false);
    assert.deepEqual(await auditOf(file), [["import.upload", "ok", 2, 1]]);
  });

  test("a dry run is audited as one, and changes nothing on Synapse", async () => {
    const s = randomSuffix();
    const file = `accept-dry-${s}.csv`;
    const out = await accept(file, `id\nacc-dry-${s}\n`, { dryRun: true });
    assert.ok(out.ok && out.started);
    await waitForImport(out.jobId);
    assert.equal(await exists(`@acc-dry-${s}:${await serverName()}`), false);
    assert.deepEqual((await auditOf(file)).map(([action, outcome]) => [action, outcome]), [
      ["import.dry-run", "ok"],
      ["import.dry-run-finish", "ok"],
      ["import.upload", "ok"],
    ]);
  });

  test("a file with only a header is refused with a clear message, and the refusal is audited", async () => {
    const s = randomSuffix();
    const file = `accept-empty-${s}.csv`;
    const out = await accept(file, "id,displayname\n");
    assert.equal(out.ok, false);
    assert.ok(!out.ok);
    assert.equal(out.problem, "header-only");
    assert.match(messageIn(out.message), /header but no rows/);
    assert.deepEqual(await auditOf(file), [["import.upload", "header-only", null, null]]);
  });
});
