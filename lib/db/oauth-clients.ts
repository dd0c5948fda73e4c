import "server-only";
import { db } from "./client";

/** The client id the portal registered at this homeserver's issuer for this redirect URI, if any. */
export async function findOAuthClientId(homeserver: string, issuer: string, redirectUri: string): Promise<string | null> {
  const row = await db().oAuthClient.findUnique({ where: { homeserver_issuer_redirectUri: { homeserver, issuer, redirectUri } } });
  return row?.clientId ?? null;
}

/** Remembers a registration; a concurrent first sign-in's registration wins, the other one is kept unused. */
export async function saveOAuthClientId(homeserver: string, issuer: string, redirectUri: string, clientId: string): Promise<string> {
  const row = await db().oAuthClient.upsert({
    where: { homeserver_issuer_redirectUri: { homeserver, issuer, redirectUri } },
    create: { homeserver, issuer, redirectUri, clientId },
    update: {},
  });
  return row.clientId;
}

/** A client the issuer no longer knows (its database was reset): registered anew on the next sign-in. */
export async function forgetOAuthClient(homeserver: string, issuer: string, redirectUri: string): Promise<void> {
  await db().oAuthClient.deleteMany({ where: { homeserver, issuer, redirectUri } });
}
