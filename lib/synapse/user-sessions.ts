import "server-only";
import { encodeId, synapseFetch, type SynapseCredentials } from "./client";
import { assertLocalUser } from "./user-errors";
import { PortalRefusal } from "./describe-error";
import type { ActorContext } from "./users";
import { msg } from "@/lib/i18n/message";

type RawDevice = {
  device_id: string;
  display_name: string | null;
  last_seen_ip: string | null;
  last_seen_ts: number | null;
  last_seen_user_agent: string | null;
  dehydrated?: boolean;
};
type RawWhois = {
  user_id: string;
  devices: Record<string, { sessions: { connections: { ip: string; last_seen: number; user_agent: string }[] }[] }>;
};
type RawPusher = {
  app_display_name: string;
  app_id: string;
  data: { url?: string; format?: string };
  device_display_name: string;
  kind: string;
  lang: string;
  profile_tag?: string;
  pushkey: string;
  enabled?: boolean;
  device_id?: string | null;
};

export type Device = {
  deviceId: string;
  displayName: string | null;
  lastSeenIp: string | null;
  lastSeenAt: number | null;
  userAgent: string | null;
  dehydrated: boolean;
};
export type Connection = { ip: string; lastSeenAt: number; userAgent: string };
export type Pusher = {
  kind: string;
  appId: string;
  appName: string;
  deviceName: string;
  pushkey: string;
  url: string | null;
  lang: string;
  enabled: boolean;
};

const users = (userId: string) => `/_synapse/admin/v2/users/${encodeId(userId)}`;

export async function listDevices(creds: SynapseCredentials, userId: string): Promise<Device[]> {
  const body = await synapseFetch<{ devices: RawDevice[] }>(creds, `${users(userId)}/devices`);
  return body.devices
    .map((d) => ({
      deviceId: d.device_id,
      displayName: d.display_name ?? null,
      lastSeenIp: d.last_seen_ip ?? null,
      lastSeenAt: d.last_seen_ts ?? null,
      userAgent: d.last_seen_user_agent ?? null,
      dehydrated: Boolean(d.dehydrated),
    }))
    .sort((a, b) => (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0));
}

/** Deleting a device ends its sessions. Synapse ignores unknown ids. */
export async function deleteDevices(ctx: ActorContext & { deviceId?: string | null }, userId: string, deviceIds: string[]): Promise<void> {
  assertLocalUser(userId, ctx.actor);
  if (userId === ctx.actor && ctx.deviceId && deviceIds.includes(ctx.deviceId)) {
    throw new PortalRefusal("SELF_PROTECTION", msg("user.refusals.ownDevice", { deviceId: ctx.deviceId }));
  }
  await synapseFetch(ctx.creds, `${users(userId)}/delete_devices`, { method: "POST", body: { devices: deviceIds } });
}

/** "Log out everywhere": every device of the user is deleted. Returns how many there were. */
export async function logoutEverywhere(ctx: ActorContext, userId: string): Promise<number> {
  assertLocalUser(userId, ctx.actor);
  if (userId === ctx.actor) throw new PortalRefusal("SELF_PROTECTION", msg("user.refusals.selfLogout"));
  const devices = await listDevices(ctx.creds, userId);
  if (devices.length > 0) await deleteDevices(ctx, userId, devices.map((d) => d.deviceId));
  return devices.length;
}

/** Connections (IP, user agent, last seen), newest first. Synapse does not group them by device (the key is ""). */
export async function listConnections(creds: SynapseCredentials, userId: string): Promise<Connection[]> {
  const body = await synapseFetch<RawWhois>(creds, `/_synapse/admin/v1/whois/${encodeId(userId)}`);
  const out: Connection[] = [];
  for (const device of Object.values(body.devices ?? {})) {
    for (const session of device.sessions ?? []) {
      for (const c of session.connections ?? []) out.push({ ip: c.ip, lastSeenAt: c.last_seen, userAgent: c.user_agent });
    }
  }
  return out.sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}

export async function listPushers(creds: SynapseCredentials, userId: string): Promise<Pusher[]> {
  const body = await synapseFetch<{ pushers: RawPusher[] }>(creds, `/_synapse/admin/v1/users/${encodeId(userId)}/pushers`);
  return body.pushers.map((p) => ({
    kind: p.kind,
    appId: p.app_id,
    appName: p.app_display_name,
    deviceName: p.device_display_name,
    pushkey: p.pushkey,
    url: p.data?.url ?? null,
    lang: p.lang,
    enabled: p.enabled !== false,
  }));
}
