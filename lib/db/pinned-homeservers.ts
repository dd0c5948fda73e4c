import "server-only";
import { db } from "./client";

/** Authorities (host:port) of private homeservers that admins signed in to. */
export async function listPinnedHomeservers(): Promise<string[]> {
  return (await db().pinnedHomeserver.findMany({ where: { private: true }, select: { authority: true } })).map((r) => r.authority);
}

/** Whether any admin has signed in through this portal yet (to any homeserver, public or private). */
export async function anyHomeserverPinned(): Promise<boolean> {
  return (await db().pinnedHomeserver.count({ take: 1 })) > 0;
}

/** Private homeservers an admin reached may be reached again. */
export async function pinHomeservers(authorities: string[]): Promise<void> {
  for (const authority of new Set(authorities)) {
    await db().pinnedHomeserver.upsert({ where: { authority }, create: { authority }, update: { private: true } });
  }
}

/** A public homeserver an admin signed in to: recorded (the portal is in use), never reachable privately. */
export async function notePublicHomeserver(authority: string): Promise<void> {
  await db().pinnedHomeserver.upsert({ where: { authority }, create: { authority, private: false }, update: {} });
}
