import "server-only";
import { db } from "./client";

/** Authorities (host:port) of private homeservers that admins signed in to. */
export async function listPinnedHomeservers(): Promise<string[]> {
  return (await db().pinnedHomeserver.findMany({ select: { authority: true } })).map((r) => r.authority);
}

export async function pinHomeservers(authorities: string[]): Promise<void> {
  for (const authority of new Set(authorities)) {
    await db().pinnedHomeserver.upsert({ where: { authority }, create: { authority }, update: {} });
  }
}
