// Benchmark: the "Delete media" preview on a server with 20,000 local files across 500 users.
//
//   SYNAPSE_PORT=<p> bash e2e/synapse/testbed.sh start && node --import tsx e2e/synapse/prepare.ts
//   node --conditions=react-server --import tsx bench/media-preview.ts
//
// Seeds the test Synapse once (users without passwords, tokens from the admin login-as-user API, files
// through the upload API), then times the preview for a few filter sets and counts the HTTP requests it
// makes (independently of the preview's own count, by wrapping fetch). Talks to 127.0.0.1 only; bounded in
// requests and time. Target: ≤ 10 s per preview. BENCH_VERIFY_DELETE=1 then deletes for real and compares.
import crypto from "node:crypto";
import { previewMediaDeletion } from "@/lib/synapse/media-preview";
import { deleteMediaByDate, listMediaUsage } from "@/lib/synapse/media";
import { mapPool } from "@/lib/pool";
import { adminToken, loadTestbed, serverName } from "../e2e/synapse/testbed";
import { createUserWithoutPassword, loginAs } from "../e2e/media-fixtures";

const USERS = Number(process.env.BENCH_USERS ?? 500);
const FILES_PER_USER = Number(process.env.BENCH_FILES_PER_USER ?? 40);
const SEED_CONCURRENCY = 8;
const RUNS = 3;
const MAX_WALL_MS = 20 * 60 * 1000;

const started = Date.now();
function checkBudget() {
  if (Date.now() - started > MAX_WALL_MS) throw new Error(`benchmark exceeded ${MAX_WALL_MS / 60000} minutes; stopping`);
}

async function seed(baseUrl: string, token: string, prefix: string): Promise<{ seededAt: number; midpoint: number }> {
  const existing = await listMediaUsage({ baseUrl, accessToken: token }, { from: 0, limit: USERS + 10, search: prefix, orderBy: "user_id", dir: "asc" });
  const complete = existing.users.filter((u) => u.files >= FILES_PER_USER).length;
  if (complete >= USERS) {
    console.log(`seed: ${USERS} users × ${FILES_PER_USER} files already present`);
    return { seededAt: Date.now(), midpoint: NaN };
  }
  console.log(`seed: creating ${USERS} users and ${USERS * FILES_PER_USER} files (once)…`);
  const have = new Map(existing.users.map((u) => [u.userId, u.files]));
  const server = await serverName();
  const ids = Array.from({ length: USERS }, (_, i) => `@${prefix}${String(i).padStart(4, "0")}:${server}`);
  let uploaded = 0;
  let midpoint = NaN;
  const t0 = Date.now();
  await mapPool(ids, SEED_CONCURRENCY, async (userId, i) => {
    checkBudget();
    const missing = FILES_PER_USER - (have.get(userId) ?? 0);
    if (missing <= 0) return;
    await createUserWithoutPassword(userId.slice(1, userId.indexOf(":")), token);
    const userToken = await loginAs(userId, token);
    for (let f = 0; f < missing; f++) {
      const body = crypto.randomBytes(200 + ((i * 37 + f * 101) % 1800));
      const res = await fetch(`${baseUrl}/_matrix/media/v3/upload?filename=f${f}.bin`, {
        method: "POST",
        headers: { authorization: `Bearer ${userToken}`, "content-type": "application/octet-stream" },
        body,
      });
      if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      if (++uploaded === Math.floor((USERS * FILES_PER_USER) / 2)) midpoint = Date.now();
    }
    if ((i + 1) % 50 === 0) console.log(`  ${i + 1}/${USERS} users, ${uploaded} files, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  });
  console.log(`seed: ${uploaded} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { seededAt: Date.now(), midpoint };
}

async function main() {
  const tb = loadTestbed();
  const url = new URL(tb.baseUrl);
  if (url.hostname !== "127.0.0.1") throw new Error(`the benchmark only talks to 127.0.0.1, not ${url.hostname}`);
  const token = await adminToken();
  const creds = { baseUrl: tb.baseUrl, accessToken: token };
  const { midpoint } = await seed(tb.baseUrl, token, "bench-media-");
  const local = await serverName();

  // Count every request that leaves for Synapse, independently of the preview's own counter.
  const realFetch = globalThis.fetch;
  let counted = 0;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    counted++;
    return realFetch(input, init);
  }) as typeof fetch;

  const now = Date.now() + 1000;
  const scenarios = [
    { name: "everything older than now, keep profiles", filters: { beforeTs: now, sizeGt: 0, keepProfiles: true } },
    { name: "everything older than now, avatars too", filters: { beforeTs: now, sizeGt: 0, keepProfiles: false } },
    { name: "larger than 1 KB", filters: { beforeTs: now, sizeGt: 1024, keepProfiles: true } },
    ...(Number.isFinite(midpoint) ? [{ name: "last access before the seed's midpoint", filters: { beforeTs: midpoint, sizeGt: 0, keepProfiles: true } }] : []),
  ];
  console.log(`\npreview on ${local} (${tb.baseUrl}), ${RUNS} runs each; host shared with other work (2 cores)`);
  for (const s of scenarios) {
    for (let run = 1; run <= RUNS; run++) {
      checkBudget();
      counted = 0;
      const t = performance.now();
      const p = await previewMediaDeletion(creds, local, s.filters);
      const wall = performance.now() - t;
      console.log(
        `${s.name} #${run}: ${(wall / 1000).toFixed(2)} s wall, ${counted} requests (preview counted ${p.requests}), ` +
          `${p.files} files / ${p.bytes} bytes match, ${p.usersRead} of ${p.usersWithOldMedia} users${p.partial.length ? `, PARTIAL: ${p.partial.join(" ")}` : ""}`,
      );
    }
  }
  globalThis.fetch = realFetch;

  if (process.env.BENCH_VERIFY_DELETE === "1") {
    // Opt-in: really delete (files above 1500 B, about a fifth of the seed) and compare with the preview.
    const filters = { beforeTs: Date.now(), sizeGt: 1500, keepProfiles: true };
    const p = await previewMediaDeletion(creds, local, filters);
    const t = performance.now();
    const deleted = await deleteMediaByDate(creds, filters);
    console.log(
      `\nverify: preview ${p.files} files, Synapse deleted ${deleted.length} (${deleted.length === p.files ? "match" : "MISMATCH"}) ` +
        `in ${((performance.now() - t) / 1000).toFixed(1)} s; the next run tops the seed up again`,
    );
    if (deleted.length !== p.files) process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
