import "server-only";
import { encodeId, synapseFetch } from "./client";
import { nullIfNotFound } from "./errors";
import { assertLocalUser } from "./user-errors";
import { PortalRefusal } from "./describe-error";
import type { ActorContext } from "./users";
import { msg } from "@/lib/i18n/message";

// Creating and renaming a user's devices (admin API v2). Synapse answers 201 to creating a device that
// already exists, so the portal checks first and says so instead of pretending it made a new one.

const device = (userId: string, deviceId: string) => `/_synapse/admin/v2/users/${encodeId(userId)}/devices/${encodeId(deviceId)}`;

async function exists(ctx: ActorContext, userId: string, deviceId: string): Promise<boolean> {
  return (await nullIfNotFound(() => synapseFetch(ctx.creds, device(userId, deviceId)))) !== null;
}

/** An empty device (no keys, no token): e.g. for a bridge or a client that logs in with it later. */
export async function createDevice(ctx: ActorContext, userId: string, p: { deviceId: string; displayName?: string }): Promise<void> {
  assertLocalUser(userId, ctx.actor);
  if (await exists(ctx, userId, p.deviceId)) throw new PortalRefusal("DEVICE_EXISTS", msg("user.refusals.deviceExists", { userId, deviceId: p.deviceId }));
  await synapseFetch(ctx.creds, `/_synapse/admin/v2/users/${encodeId(userId)}/devices`, { method: "POST", body: { device_id: p.deviceId } });
  if (p.displayName) await synapseFetch(ctx.creds, device(userId, p.deviceId), { method: "PUT", body: { display_name: p.displayName } });
}

export async function renameDevice(ctx: ActorContext, userId: string, p: { deviceId: string; displayName: string }): Promise<void> {
  assertLocalUser(userId, ctx.actor);
  const done = await nullIfNotFound(() => synapseFetch(ctx.creds, device(userId, p.deviceId), { method: "PUT", body: { display_name: p.displayName } }));
  if (done === null) throw new PortalRefusal("NOT_FOUND", msg("user.refusals.noDevice", { userId, deviceId: p.deviceId }));
}
