// Test-side access to the real Synapse started by e2e/synapse/testbed.sh (or the one in SYNAPSE_URL).
// Deliberately independent of lib/synapse: tests check the portal's effects with their own calls.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type Testbed = {
  external: boolean;
  baseUrl: string;
  serverName?: string;
  admin: { userId: string; password: string };
  registrationSecret: string;
  /** Port of the test OpenID provider Synapse is configured for (absent for SYNAPSE_URL servers). */
  oidcPort?: number;
};

/** Where testbed.sh wrote its files: TESTBED_DIR for a second test bed, else e2e/. */
const DIR = process.env.TESTBED_DIR ?? path.join(__dirname, "..");
export const TESTBED_FILE = path.join(DIR, ".testbed.json");
const FILE = TESTBED_FILE;

export function loadTestbed(): Testbed {
  if (!fs.existsSync(FILE)) throw new Error("No test Synapse: run `bash e2e/synapse/testbed.sh start` (npm test does).");
  return JSON.parse(fs.readFileSync(FILE, "utf8")) as Testbed;
}

const POLICY_FILE = path.join(DIR, ".testbed-policy.json");

/**
 * The second test Synapse, which has a strict password policy (12+ characters, a digit, a symbol, upper-
 * and lowercase); null next to a SYNAPSE_URL server, where none is started.
 */
export function loadPolicyTestbed(): Testbed | null {
  if (loadTestbed().external || !fs.existsSync(POLICY_FILE)) return null;
  return JSON.parse(fs.readFileSync(POLICY_FILE, "utf8")) as Testbed;
}

type ApiInit = { method?: string; token?: string; body?: unknown };

export async function api<T = Record<string, unknown>>(pathAndQuery: string, init: ApiInit = {}): Promise<{ status: number; body: T }> {
  return apiAt<T>(loadTestbed().baseUrl, pathAndQuery, init);
}

/** api() against another test server. */
export async function apiAt<T = Record<string, unknown>>(baseUrl: string, pathAndQuery: string, init: ApiInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(baseUrl + pathAndQuery, {
    method: init.method ?? "GET",
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

export async function passwordLogin(userId: string, password: string, baseUrl = loadTestbed().baseUrl): Promise<string> {
  const r = await apiAt<{ access_token: string }>(baseUrl, "/_matrix/client/v3/login", {
    method: "POST",
    body: { type: "m.login.password", identifier: { type: "m.id.user", user: userId }, password },
  });
  if (r.status !== 200) throw new Error(`login ${userId} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.access_token;
}

let adminTokenPromise: Promise<string> | undefined;
/** One admin token per test process (default rc_login limits are tiny on real servers). */
export function adminToken(): Promise<string> {
  const tb = loadTestbed();
  adminTokenPromise ??= passwordLogin(tb.admin.userId, tb.admin.password);
  return adminTokenPromise;
}

/** The test Synapse's URL with the admin's token, as lib/synapse takes them. */
export async function adminCreds(): Promise<{ baseUrl: string; accessToken: string }> {
  return { baseUrl: loadTestbed().baseUrl, accessToken: await adminToken() };
}

export async function serverName(): Promise<string> {
  const tb = loadTestbed();
  if (tb.serverName) return tb.serverName;
  const me = await api<{ user_id: string }>("/_matrix/client/v3/account/whoami", { token: await adminToken() });
  return me.body.user_id.slice(me.body.user_id.indexOf(":") + 1);
}

export function randomSuffix(): string {
  return crypto.randomBytes(4).toString("hex");
}

/** Creates (or resets) a local user through the admin API and returns its MXID. */
export async function createUser(localpart: string, password: string, opts: { admin?: boolean } = {}): Promise<string> {
  const userId = `@${localpart}:${await serverName()}`;
  const r = await api(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, {
    method: "PUT",
    token: await adminToken(),
    body: { password, admin: opts.admin ?? false, displayname: localpart },
  });
  if (r.status !== 200 && r.status !== 201) throw new Error(`create ${userId}: ${r.status} ${JSON.stringify(r.body)}`);
  return userId;
}

/** Registers an admin with the registration shared secret (for SYNAPSE_URL servers given only the secret). */
export async function registerWithSharedSecret(baseUrl: string, secret: string, username: string, password: string): Promise<string> {
  const nonceRes = await fetch(`${baseUrl}/_synapse/admin/v1/register`);
  const { nonce } = (await nonceRes.json()) as { nonce: string };
  const mac = crypto.createHmac("sha1", secret).update(`${nonce}\0${username}\0${password}\0admin`).digest("hex");
  const res = await fetch(`${baseUrl}/_synapse/admin/v1/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nonce, username, password, admin: true, mac }),
  });
  const body = (await res.json()) as { user_id?: string; error?: string };
  if (!res.ok || !body.user_id) throw new Error(`shared-secret registration failed: ${res.status} ${body.error}`);
  return body.user_id;
}

const MAS_FILE = path.join(DIR, ".testbed-mas.json");

/** The third test Synapse, which delegates authentication to MAS (e2e/synapse/mas-standin.ts on masPort). */
export type MasTestbed = { baseUrl: string; serverName: string; masPort: number; masSecret: string };

export function loadMasTestbed(): MasTestbed {
  if (!fs.existsSync(MAS_FILE)) throw new Error("No MAS test Synapse: run `bash e2e/synapse/testbed.sh start` (npm test does).");
  return JSON.parse(fs.readFileSync(MAS_FILE, "utf8")) as MasTestbed;
}
