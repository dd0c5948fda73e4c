import "server-only";
import crypto from "node:crypto";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { nullIfNotFound } from "./errors";
import type { RegistrationToken } from "@/lib/schemas/registration-tokens";

// Registration tokens (`/_synapse/admin/v1/registration_tokens`): Synapse lists them all, unpaged.

type RawToken = { token: string; uses_allowed: number | null; pending: number; completed: number; expiry_time: number | null };

function toToken(t: RawToken): RegistrationToken {
  return { token: t.token, usesAllowed: t.uses_allowed, pending: t.pending, completed: t.completed, expiryTime: t.expiry_time };
}

const path = (token: string) => `/_synapse/admin/v1/registration_tokens/${encodeId(token)}`;

export async function listRegistrationTokens(creds: SynapseCredentials): Promise<RegistrationToken[]> {
  const r = await synapseFetch<{ registration_tokens: RawToken[] }>(creds, "/_synapse/admin/v1/registration_tokens");
  return r.registration_tokens.map(toToken);
}

/** null when there is no such token. */
export async function getRegistrationToken(creds: SynapseCredentials, token: string): Promise<RegistrationToken | null> {
  return nullIfNotFound(async () => toToken(await synapseFetch<RawToken>(creds, path(token))));
}

/** Without a token, Synapse generates one of `length` characters. */
export async function createRegistrationToken(
  creds: SynapseCredentials,
  t: { token: string | null; length?: number; usesAllowed: number | null; expiryTime: number | null },
): Promise<RegistrationToken> {
  const body: Record<string, unknown> = { uses_allowed: t.usesAllowed, expiry_time: t.expiryTime };
  if (t.token) body.token = t.token;
  else if (t.length) body.length = t.length;
  return toToken(await synapseFetch<RawToken>(creds, "/_synapse/admin/v1/registration_tokens/new", { method: "POST", body }));
}

export async function updateRegistrationToken(
  creds: SynapseCredentials,
  token: string,
  t: { usesAllowed: number | null; expiryTime: number | null },
): Promise<RegistrationToken> {
  return toToken(await synapseFetch<RawToken>(creds, path(token), { method: "PUT", body: { uses_allowed: t.usesAllowed, expiry_time: t.expiryTime } }));
}

export async function deleteRegistrationToken(creds: SynapseCredentials, token: string): Promise<void> {
  await synapseFetch(creds, path(token), { method: "DELETE" });
}

/**
 * How the audit log names a token: a token lets anyone register, so the log keeps a fingerprint (enough to
 * tell entries about the same token apart), never the token.
 */
export function tokenFingerprint(token: string): string {
  return `token sha256:${crypto.createHash("sha256").update(token).digest("hex").slice(0, 12)}`;
}
