import "server-only";
// MAS's own admin API (`/api/admin/v1` at the issuer, JSON:API answers), with the admin's OAuth access token
// when it carries `urn:mas:admin`. Through the same outbound door and network policy as Synapse.
import { synapseFetch, encodeId, type SynapseCredentials } from "./client";

type Resource = { id: string; attributes?: Record<string, unknown> };
type ListAnswer = { data?: Resource[] };

const masCreds = (issuer: string, accessToken: string): SynapseCredentials => ({ baseUrl: issuer.replace(/\/+$/, ""), accessToken });
const text = (v: unknown) => (typeof v === "string" ? v : null);

export type MasUser = { id: string; username: string; admin: boolean; lockedAt: string | null; deactivatedAt: string | null };
export type MasSession = { id: string; userId: string | null; clientId: string | null; scope: string | null; createdAt: string | null; finishedAt: string | null };
export type MasRow = { id: string; summary: string };

export async function getMasVersion(issuer: string, accessToken: string): Promise<string | null> {
  const body = await synapseFetch<{ version?: unknown }>(masCreds(issuer, accessToken), "/api/admin/v1/version", { timeoutMs: 5_000 });
  return text(body.version);
}

async function list(issuer: string, accessToken: string, path: string): Promise<Resource[]> {
  const body = await synapseFetch<ListAnswer>(masCreds(issuer, accessToken), `/api/admin/v1/${path}`, { query: { "page[first]": "50" } });
  return Array.isArray(body.data) ? body.data.filter((r) => typeof r?.id === "string") : [];
}

export async function listMasUsers(issuer: string, accessToken: string): Promise<MasUser[]> {
  return (await list(issuer, accessToken, "users")).map((r) => ({
    id: r.id,
    username: text(r.attributes?.username) ?? r.id,
    admin: r.attributes?.admin === true,
    lockedAt: text(r.attributes?.locked_at),
    deactivatedAt: text(r.attributes?.deactivated_at),
  }));
}

export async function listMasSessions(issuer: string, accessToken: string): Promise<MasSession[]> {
  return (await list(issuer, accessToken, "oauth2-sessions")).map((r) => ({
    id: r.id,
    userId: text(r.attributes?.user_id),
    clientId: text(r.attributes?.client_id),
    scope: text(r.attributes?.scope),
    createdAt: text(r.attributes?.created_at),
    finishedAt: text(r.attributes?.finished_at),
  }));
}

/** E-mails, upstream links and registration tokens: shown as id + a one-line summary. */
export async function listMasRows(issuer: string, accessToken: string, kind: "user-emails" | "upstream-oauth-links" | "user-registration-tokens"): Promise<MasRow[]> {
  const key = { "user-emails": "email", "upstream-oauth-links": "subject", "user-registration-tokens": "token" }[kind];
  return (await list(issuer, accessToken, kind)).map((r) => ({ id: r.id, summary: text(r.attributes?.[key]) ?? "" }));
}

export async function finishMasSession(issuer: string, accessToken: string, sessionId: string): Promise<void> {
  await synapseFetch(masCreds(issuer, accessToken), `/api/admin/v1/oauth2-sessions/${encodeId(sessionId)}/finish`, { method: "POST", body: {} });
}

/** MAS's user id (a ULID) of a username (the MXID's localpart). */
export async function getMasUserId(issuer: string, accessToken: string, username: string): Promise<string> {
  const body = await synapseFetch<{ data?: Resource }>(masCreds(issuer, accessToken), `/api/admin/v1/users/by-username/${encodeId(username)}`, { timeoutMs: 10_000 });
  if (typeof body.data?.id !== "string") throw new Error("MAS answered without a user id");
  return body.data.id;
}

export type MasPersonalSession = { id: string; accessToken: string };

/** A personal session acting as `actorUserId`, with its personal access token (MAS 1.x admin API). */
export async function createMasPersonalSession(
  issuer: string,
  accessToken: string,
  p: { actorUserId: string; humanName: string; scope: string; expiresInSeconds: number },
): Promise<MasPersonalSession> {
  const body = await synapseFetch<{ data?: Resource }>(masCreds(issuer, accessToken), "/api/admin/v1/personal-sessions", {
    method: "POST",
    body: { actor_user_id: p.actorUserId, human_name: p.humanName, scope: p.scope, expires_in: p.expiresInSeconds },
    timeoutMs: 10_000,
    rateLimitRetries: 0,
  });
  const token = text(body.data?.attributes?.access_token);
  if (typeof body.data?.id !== "string" || !token) throw new Error("MAS answered without a personal session or token");
  return { id: body.data.id, accessToken: token };
}

/** Ends a personal session (its token stops working; MAS removes its device from Synapse). */
export async function revokeMasPersonalSession(issuer: string, accessToken: string, sessionId: string): Promise<void> {
  await synapseFetch(masCreds(issuer, accessToken), `/api/admin/v1/personal-sessions/${encodeId(sessionId)}/revoke`, { method: "POST", body: {}, timeoutMs: 10_000 });
}
