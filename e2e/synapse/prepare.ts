// After testbed.sh start: make sure the admin account exists and can log in (registering it with the
// shared secret when a SYNAPSE_URL server came with only that), and record the server name.
import fs from "node:fs";
import { loadTestbed, passwordLogin, registerWithSharedSecret, randomSuffix, api, TESTBED_FILE } from "./testbed";

async function main() {
  const file = TESTBED_FILE;
  const tb = loadTestbed();
  if (!tb.admin.userId) {
    if (!tb.registrationSecret) {
      throw new Error("With SYNAPSE_URL, set SYNAPSE_ADMIN_USER and SYNAPSE_ADMIN_PASSWORD, or SYNAPSE_REGISTRATION_SECRET.");
    }
    const password = `admin-${randomSuffix()}${randomSuffix()}`;
    tb.admin = { userId: await registerWithSharedSecret(tb.baseUrl, tb.registrationSecret, `portal-admin-${randomSuffix()}`, password), password };
  }
  const token = await passwordLogin(tb.admin.userId, tb.admin.password);
  const me = await api<{ user_id: string }>("/_matrix/client/v3/account/whoami", { token });
  tb.serverName = me.body.user_id.slice(me.body.user_id.indexOf(":") + 1);
  const probe = await api(`/_synapse/admin/v1/users/${encodeURIComponent(tb.admin.userId)}/admin`, { token });
  if (probe.status !== 200) throw new Error(`${tb.admin.userId} is not a server admin on ${tb.baseUrl}`);
  await api("/_matrix/client/v3/logout", { method: "POST", token, body: {} });
  fs.writeFileSync(file, JSON.stringify(tb, null, 2), { mode: 0o600 });
  console.log(`[testbed] admin ${tb.admin.userId} on ${tb.baseUrl}`);
}

main().catch((e) => {
  console.error(`[testbed] ${(e as Error).message}`);
  process.exit(1);
});
