// Which credential a job gets (lib/jobs/job-credential.ts) where no call is needed, and how it is kept in the row.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseMessage } from "@/lib/i18n/message";
import { mintCredential, sealHeld, tokenEndedMessage, unsealHeld } from "@/lib/jobs/job-credential";

process.env.SESSION_SECRET ??= "a-test-secret-that-is-long-enough-0123456789";
const creds = { baseUrl: "https://hs.invalid", accessToken: "session-token" };

test("under MAS without urn:mas:admin the job runs on the session's token, kind mas-session (MAS is not asked)", async () => {
  const held = await mintCredential({ creds, actor: "@a:hs.invalid", masIssuer: "https://mas.invalid/", scopes: ["urn:synapse:admin:*"] }, "job", true);
  assert.deepEqual(held, { token: "session-token", kind: "mas-session" });
});

test("without MAS and without ownDevice: the session's token, kind session", async () => {
  assert.deepEqual(await mintCredential({ creds, actor: "@a:hs.invalid" }, "job", false), { token: "session-token", kind: "session" });
});

test("a MAS personal session is sealed with its id and issuer; plain tokens (and rows from before) open as they were", () => {
  const personal = { token: "mpt_x", kind: "mas-personal" as const, masSession: { id: "01ABC", issuer: "https://mas.invalid" } };
  const sealed = sealHeld("job-credential", 5, personal);
  assert.doesNotMatch(sealed, /mpt_x|01ABC/);
  assert.deepEqual(unsealHeld("job-credential", { id: 5, credential: sealed, credentialKind: "mas-personal" }), personal);
  assert.equal(unsealHeld("job-credential", { id: 6, credential: sealed, credentialKind: "mas-personal" }), null, "bound to its job");
  const device = sealHeld("import-credential", 7, { token: "syt_y", kind: "job-device" });
  assert.deepEqual(unsealHeld("import-credential", { id: 7, credential: device, credentialKind: "job-device" }), { token: "syt_y", kind: "job-device" });
  assert.equal(unsealHeld("import-credential", { id: 7, credential: null, credentialKind: null }), null);
});

test("a dead token's pause names the MAS reason only for the MAS fallbacks", () => {
  assert.equal(parseMessage(tokenEndedMessage("mas-session")!)?.key, "masJobs.pausedNoMasAdmin");
  assert.equal(parseMessage(tokenEndedMessage("mas-session-refused")!)?.key, "masJobs.pausedPersonalRefused");
  for (const kind of ["session", "job-device", "mas-personal", null]) assert.equal(tokenEndedMessage(kind), null);
});
