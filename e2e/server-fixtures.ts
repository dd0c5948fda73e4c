// Test-bed steps for the Server section: register through the client API with a registration token (the
// user-interactive flow), and make Synapse fail to reach a server so a failing destination exists.
import { api } from "./synapse/testbed";

/** The server the test bed lets Synapse federate with, where nothing listens (e2e/synapse/testbed.sh). */
export const UNREACHABLE_SERVER = "127.0.0.1:9";

type UiaAnswer = { session?: string; flows?: { stages: string[] }[]; completed?: string[]; user_id?: string; errcode?: string; error?: string };

/**
 * Registers `username` as a new user would, with `m.login.registration_token` (and `m.login.dummy` if the
 * server adds it). Returns the final status and body.
 */
export async function registerWithToken(username: string, password: string, token: string): Promise<{ status: number; body: UiaAnswer }> {
  const request = { username, password, inhibit_login: true };
  let r = await api<UiaAnswer>("/_matrix/client/v3/register", { method: "POST", body: request });
  for (let round = 0; r.status === 401 && round < 4; round++) {
    const flow = r.body.flows?.find((f) => f.stages.includes("m.login.registration_token"));
    if (!flow) return r;
    const next = flow.stages.find((s) => !(r.body.completed ?? []).includes(s));
    if (!next) return r;
    const auth = next === "m.login.registration_token" ? { type: next, token, session: r.body.session } : { type: next, session: r.body.session };
    r = await api<UiaAnswer>("/_matrix/client/v3/register", { method: "POST", body: { ...request, auth } });
    if (r.status === 401 && r.body.errcode) return r; // a refused stage (e.g. an invalid token), not a next stage
  }
  return r;
}

/**
 * Makes Synapse try the unreachable server once (a join through it), which it records as a failing destination
 * with a back-off. Resolves when the destination shows up failing.
 */
export async function makeFailingDestination(adminToken: string): Promise<void> {
  const room = `!nowhere${Date.now()}:${UNREACHABLE_SERVER}`;
  await api(`/_matrix/client/v3/join/${encodeURIComponent(room)}?server_name=${encodeURIComponent(UNREACHABLE_SERVER)}`, { method: "POST", token: adminToken, body: {} });
  for (let i = 0; i < 50; i++) {
    const d = await api<{ failure_ts?: number | null }>(`/_synapse/admin/v1/federation/destinations/${encodeURIComponent(UNREACHABLE_SERVER)}`, { token: adminToken });
    if (d.status === 200 && d.body.failure_ts) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`Synapse did not record ${UNREACHABLE_SERVER} as failing`);
}
