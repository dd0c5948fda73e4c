import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { nullIfNotFound } from "./errors";

// Who has this e-mail address / phone number, or this id at an SSO provider. null when nobody does.

export async function findUserByThreepid(creds: SynapseCredentials, medium: "email" | "msisdn", address: string): Promise<string | null> {
  const r = await nullIfNotFound(() => synapseFetch<{ user_id: string }>(creds, `/_synapse/admin/v1/threepid/${medium}/users/${encodeId(address)}`));
  return r?.user_id ?? null;
}

export async function findUserByExternalId(creds: SynapseCredentials, authProvider: string, externalId: string): Promise<string | null> {
  const r = await nullIfNotFound(() =>
    synapseFetch<{ user_id: string }>(creds, `/_synapse/admin/v1/auth_providers/${encodeId(authProvider)}/users/${encodeId(externalId)}`),
  );
  return r?.user_id ?? null;
}
