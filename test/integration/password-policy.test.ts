// The homeserver's password policy, against the second test Synapse (password_config.policy on:
// 12+ characters, a digit, a symbol, upper- and lowercase). Synapse's admin API would accept any
// password; the portal refuses what the policy refuses, before sending anything.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { apiAt, loadPolicyTestbed, loadTestbed, passwordLogin, randomSuffix } from "../../e2e/synapse/testbed";
import { checkPasswordPolicy, getPasswordPolicy } from "@/lib/synapse/password-policy";
import { createUser, type ActorContext } from "@/lib/synapse/users";
import { deactivateUser, reactivateUser, resetPassword } from "@/lib/synapse/user-lifecycle";
import { receiveImportFile } from "@/lib/jobs/import-upload";
import { startImport } from "@/lib/jobs/import-commands";
import { waitForImport } from "@/lib/jobs/import-runner";
import { listImportRows } from "@/lib/db/import-rows";
import { DEFAULT_IMPORT_OPTIONS, type ImportOptions } from "@/lib/schemas/import";
import { chunked } from "./import-helpers";
import { refusal } from "./rejection";
import { messageIn } from "@/lib/i18n/translator";

// The provisioned test bed starts it; scripts/test.sh leaves this file out against a SYNAPSE_URL server.
const policyTestbed = loadPolicyTestbed();
if (!policyTestbed) throw new Error("No policy test Synapse: run `bash e2e/synapse/testbed.sh start` (npm test does).");
const tb = policyTestbed;
const STRONG = () => `Strong-${randomSuffix()}-Pw1`;
const prefix = `pol${randomSuffix()}`;
let ctx: ActorContext;


const rawUser = async (userId: string) =>
  apiAt<{ deactivated?: boolean }>(tb.baseUrl, `/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { token: ctx.creds.accessToken });
const putUser = (userId: string, body: Record<string, unknown>) =>
  apiAt(tb.baseUrl, `/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { method: "PUT", token: ctx.creds.accessToken, body });

describe("password policy", () => {
  before(async () => {
    ctx = { creds: { baseUrl: tb.baseUrl, accessToken: await passwordLogin(tb.admin.userId, tb.admin.password, tb.baseUrl) }, actor: tb.admin.userId };
  });

  test("the policy is read from Synapse; a server without one answers {}", async () => {
    assert.deepEqual(await getPasswordPolicy(tb.baseUrl), {
      "m.minimum_length": 12,
      "m.require_digit": true,
      "m.require_symbol": true,
      "m.require_lowercase": true,
      "m.require_uppercase": true,
    });
    assert.deepEqual(await getPasswordPolicy(loadTestbed().baseUrl), {});
  });

  test("create: a weak password is refused with Synapse's sentence and no user is made; a generated one works", async () => {
    const weak = await refusal(createUser(ctx, { localpart: `${prefix}-weak`, displayname: "", passwordMode: "set", password: "short", admin: false, userType: "" }));
    assert.equal(weak.code, "M_PASSWORD_TOO_SHORT");
    assert.equal(weak.message, "The password must be at least 12 characters long (the homeserver's password policy, M_PASSWORD_TOO_SHORT).");
    assert.equal((await rawUser(`@${prefix}-weak:${tb.serverName}`)).status, 404);

    const made = await createUser(ctx, { localpart: `${prefix}-gen`, displayname: "", passwordMode: "generate", password: "", admin: false, userType: "" });
    assert.equal(checkPasswordPolicy(await getPasswordPolicy(tb.baseUrl), made.generatedPassword!), null);
    await passwordLogin(made.userId, made.generatedPassword!, tb.baseUrl);
  });

  test("reset: a weak password changes nothing (the old one still works); a strong one is set", async () => {
    const userId = `@${prefix}-reset:${tb.serverName}`;
    const first = STRONG();
    assert.equal((await putUser(userId, { password: first })).status, 201);
    const token = await passwordLogin(userId, first, tb.baseUrl);
    const noSymbol = await refusal(resetPassword(ctx, userId, "Abcdefghijk12", true));
    assert.equal(noSymbol.code, "M_PASSWORD_NO_SYMBOL");
    assert.match(noSymbol.message, /^The password must include at least one symbol/);
    // Not logged out, password unchanged: nothing reached Synapse.
    assert.equal((await apiAt(tb.baseUrl, "/_matrix/client/v3/account/whoami", { token })).status, 200);
    await passwordLogin(userId, first, tb.baseUrl);
    const second = STRONG();
    await resetPassword(ctx, userId, second, false);
    await passwordLogin(userId, second, tb.baseUrl);
  });

  test("reactivate: the new password must meet the policy too", async () => {
    const userId = `@${prefix}-react:${tb.serverName}`;
    assert.equal((await putUser(userId, { password: STRONG() })).status, 201);
    await deactivateUser(ctx, userId, false);
    const weak = await refusal(reactivateUser(ctx, userId, "alllowercase-1!"));
    assert.equal(weak.code, "M_PASSWORD_NO_UPPERCASE");
    assert.equal((await rawUser(userId)).body.deactivated, true);
    const pw = STRONG();
    await reactivateUser(ctx, userId, pw);
    await passwordLogin(userId, pw, tb.baseUrl);
  });

  test("import: file passwords the policy refuses make the row invalid at upload; the runner checks again", async () => {
    const who = { creds: ctx.creds, actor: ctx.actor, homeserver: tb.baseUrl };
    const upload = (csv: string, policyAtUpload: boolean, options: Partial<ImportOptions> = {}) =>
      receiveImportFile({
        actor: who.actor,
        homeserver: who.homeserver,
        serverName: tb.serverName!,
        fileName: "policy.csv",
        options: { ...DEFAULT_IMPORT_OPTIONS, dryRun: false, ...options },
        body: chunked(csv),
        maxBytes: 1 << 20,
        passwordPolicy: policyAtUpload ? { "m.minimum_length": 12, "m.require_digit": true } : undefined,
      });
    const strong = STRONG();
    const up = await upload(`id,password\n${prefix}-i1,${strong}\n${prefix}-i2,weak\n`, true);
    assert.ok(up.ok);
    assert.equal(up.invalidRows, 1);
    const { rows } = await listImportRows(up.jobId, {}, { skip: 0, take: 10 });
    const bad = rows.find((r) => r.line === 3)!;
    assert.equal(bad.status, "invalid");
    assert.match(messageIn(bad.reason ?? ""), /^password: The password must be at least 12 characters long/);

    // Checked at upload without the policy (homeserver unreachable then): the runner refuses the row itself.
    const later = await upload(`id,password\n${prefix}-i3,${strong}\n${prefix}-i4,NoSymbolHere123\n`, false);
    assert.ok(later.ok && later.invalidRows === 0);
    await startImport(later.jobId, who);
    await waitForImport(later.jobId);
    const run = new Map((await listImportRows(later.jobId, {}, { skip: 0, take: 10 })).rows.map((r) => [r.line, r]));
    assert.equal(run.get(2)!.status, "created");
    assert.equal(run.get(3)!.status, "failed");
    assert.match(messageIn(run.get(3)!.reason ?? ""), /at least one symbol.*M_PASSWORD_NO_SYMBOL/);
    assert.equal((await rawUser(`@${prefix}-i4:${tb.serverName}`)).status, 404);
    await passwordLogin(`@${prefix}-i3:${tb.serverName}`, strong, tb.baseUrl);
  });
});
