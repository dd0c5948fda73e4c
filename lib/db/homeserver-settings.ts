import "server-only";
import { db } from "./client";

export type HomeserverSettings = { managedUserPattern: string | null; updatedBy: string | null; updatedAt: Date | null };

const NONE: HomeserverSettings = { managedUserPattern: null, updatedBy: null, updatedAt: null };

/** The homeserver's portal settings; defaults when none were saved. */
export async function getHomeserverSettings(homeserver: string): Promise<HomeserverSettings> {
  const row = await db().homeserverSetting.findUnique({ where: { homeserver } });
  return row ? { managedUserPattern: row.managedUserPattern, updatedBy: row.updatedBy, updatedAt: row.updatedAt } : NONE;
}

export async function setManagedUserPattern(homeserver: string, pattern: string | null, actor: string): Promise<void> {
  await db().homeserverSetting.upsert({
    where: { homeserver },
    create: { homeserver, managedUserPattern: pattern, updatedBy: actor },
    update: { managedUserPattern: pattern, updatedBy: actor },
  });
}
