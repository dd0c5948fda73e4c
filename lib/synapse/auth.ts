import "server-only";
import { buildUrl, encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { isSynapseError } from "./errors";

type RawLoginFlows = { flows?: { type?: string; identity_providers?: { id: string; name: string; brand?: string }[] }[] };
type RawLogin = { user_id: string; access_token: string; device_id?: string };
type RawWhoami = { user_id: string; device_id?: string; is_guest?: boolean };

export type LoginFlows = {
  password: boolean;
  token: boolean;
  sso: boolean;
  identityProviders: { id: string; name: string }[];
};
export type LoginResult = { userId: string; accessToken: string; deviceId: string | null };

const DEVICE_NAME = "Synapse Admin Portal";
// Logins are rare and a 429 here should reach the admin as "try again at …", not a long wait.
const LOGIN_RATE_LIMIT_WAIT_MS = 2_000;

export async function getLoginFlows(baseUrl: string): Promise<LoginFlows> {
  const body = await synapseFetch<RawLoginFlows>({ baseUrl }, "/_matrix/client/v3/login", { timeoutMs: 5_000 });
  const flows = body.flows ?? [];
  const sso = flows.find((f) => f.type === "m.login.sso");
  return {
    password: flows.some((f) => f.type === "m.login.password"),
    token: flows.some((f) => f.type === "m.login.token"),
    sso: sso !== undefined,
    identityProviders: (sso?.identity_providers ?? [])
      .filter((p) => typeof p.id === "string" && /^[A-Za-z0-9._~-]{1,255}$/.test(p.id))
      .map((p) => ({ id: p.id, name: providerName(p.name) || p.id.slice(0, 60) })),
  };
}

/** Where the browser starts single sign-on; Synapse sends it back to `callbackUrl` with a loginToken. */
export function ssoRedirectUrl(baseUrl: string, callbackUrl: string, idpId: string | null): string {
  const path = "/_matrix/client/v3/login/sso/redirect" + (idpId ? `/${encodeURIComponent(idpId)}` : "");
  return buildUrl(baseUrl, path, { redirectUrl: callbackUrl });
}

// Identity-provider names are shown before the server is trusted: short, printable text only.
const providerName = (name: unknown) => (typeof name === "string" ? name.replace(/[^\p{L}\p{N} ._()'&+-]/gu, "").slice(0, 60) : "");

function toLoginResult(raw: RawLogin): LoginResult {
  return { userId: raw.user_id, accessToken: raw.access_token, deviceId: raw.device_id ?? null };
}

export async function loginWithPassword(baseUrl: string, userId: string, password: string): Promise<LoginResult> {
  const raw = await synapseFetch<RawLogin>({ baseUrl }, "/_matrix/client/v3/login", {
    method: "POST",
    body: {
      type: "m.login.password",
      identifier: { type: "m.id.user", user: userId },
      password,
      initial_device_display_name: DEVICE_NAME,
    },
    maxRateLimitWaitMs: LOGIN_RATE_LIMIT_WAIT_MS,
  });
  return toLoginResult(raw);
}

/** Exchanges an SSO `loginToken` for an access token. */
export async function loginWithToken(baseUrl: string, loginToken: string): Promise<LoginResult> {
  const raw = await synapseFetch<RawLogin>({ baseUrl }, "/_matrix/client/v3/login", {
    method: "POST",
    body: { type: "m.login.token", token: loginToken, initial_device_display_name: DEVICE_NAME },
    maxRateLimitWaitMs: LOGIN_RATE_LIMIT_WAIT_MS,
  });
  return toLoginResult(raw);
}

export async function whoami(creds: SynapseCredentials): Promise<{ userId: string; deviceId: string | null }> {
  const raw = await synapseFetch<RawWhoami>(creds, "/_matrix/client/v3/account/whoami");
  return { userId: raw.user_id, deviceId: raw.device_id ?? null };
}

/** Revokes the token on the homeserver. A token that is already gone counts as logged out. */
export async function logout(creds: SynapseCredentials): Promise<void> {
  try {
    await synapseFetch(creds, "/_matrix/client/v3/logout", { method: "POST", body: {} });
  } catch (e) {
    if (isSynapseError(e) && e.status === 401) return;
    throw e;
  }
}

/** True when the token's user is a server admin; false on Synapse's 403 "You are not a server admin". */
export async function isServerAdmin(creds: SynapseCredentials, userId: string): Promise<boolean> {
  try {
    const body = await synapseFetch<{ admin?: boolean }>(creds, `/_synapse/admin/v1/users/${encodeId(userId)}/admin`);
    return body.admin === true;
  } catch (e) {
    if (isSynapseError(e, "M_FORBIDDEN")) return false;
    throw e;
  }
}

/**
 * Under MAS, admin rights are the token's `urn:synapse:admin:*` scope, not the account's admin flag (which
 * `/users/<id>/admin` reports): an admin-only read answers 200 with the scope, 403 without (`/users/<id>/admin` is not served under MAS).
 */
export async function tokenHasAdminRights(creds: SynapseCredentials): Promise<boolean> {
  try {
    // guests=false: Synapse refuses the default (guests included) under MAS, which has no guests.
    await synapseFetch(creds, "/_synapse/admin/v2/users", { query: { limit: 1, guests: false } });
    return true;
  } catch (e) {
    if (isSynapseError(e, "M_FORBIDDEN")) return false;
    throw e;
  }
}
