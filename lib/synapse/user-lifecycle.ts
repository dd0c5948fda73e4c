import "server-only";
import { encodeId, synapseFetch } from "./client";
import { assertNotSelf, type SelfAction } from "./user-errors";
import { PortalRefusal } from "./describe-error";
import { requireExistingUser, type ActorContext } from "./users";
import { generatePassword } from "./user-password";
import { assertPasswordAllowed, getPasswordPolicy } from "./password-policy";
import type { UserFlag } from "@/lib/schemas/users";
import { msg } from "@/lib/i18n/message";

const v2User = (userId: string) => `/_synapse/admin/v2/users/${encodeId(userId)}`;

/**
 * Sets a new password (null: generate one, returned once); with logoutDevices every session of the
 * user ends (Synapse's default), without it the user stays signed in everywhere.
 */
export async function resetPassword(
  ctx: ActorContext,
  userId: string,
  password: string | null,
  logoutDevices: boolean,
): Promise<{ generatedPassword: string | null }> {
  // Checked first: Synapse hashes (~0.3 s) before it notices an unknown user.
  await requireExistingUser(ctx, userId);
  if (password !== null) await assertPasswordAllowed(ctx.creds.baseUrl, password);
  const generatedPassword = password === null ? generatePassword(await getPasswordPolicy(ctx.creds.baseUrl)) : null;
  await synapseFetch(ctx.creds, `/_synapse/admin/v1/reset_password/${encodeId(userId)}`, {
    method: "POST",
    body: { new_password: generatedPassword ?? password, logout_devices: logoutDevices },
  });
  return { generatedPassword };
}

/** Deactivation removes tokens, devices, 3pids, pushers, room memberships and the password; erase also the profile. */
export async function deactivateUser(ctx: ActorContext, userId: string, erase: boolean): Promise<void> {
  assertNotSelf(userId, ctx.actor, "deactivate");
  const user = await requireExistingUser(ctx, userId);
  if (user.deactivated && !erase) throw new PortalRefusal("ALREADY_DEACTIVATED", msg("user.refusals.alreadyDeactivated", { userId }));
  await synapseFetch(ctx.creds, `/_synapse/admin/v1/deactivate/${encodeId(userId)}`, { method: "POST", body: { erase } });
}

/** Deactivation wiped the password, so reactivating without a new one would leave an account nobody can use. */
export async function reactivateUser(ctx: ActorContext, userId: string, password: string): Promise<void> {
  const user = await requireExistingUser(ctx, userId);
  if (!user.deactivated) throw new PortalRefusal("NOT_DEACTIVATED", msg("user.refusals.notDeactivated", { userId }));
  await assertPasswordAllowed(ctx.creds.baseUrl, password);
  await synapseFetch(ctx.creds, v2User(userId), { method: "PUT", body: { deactivated: false, password } });
}

const FLAG_VERBS: Record<UserFlag, SelfAction> = { locked: "lock", suspended: "suspend", shadowBanned: "shadowBan" };

/** Lock (tokens refused until unlocked), suspend (read-only), shadow-ban (sends silently dropped). */
export async function setUserFlag(ctx: ActorContext, userId: string, flag: UserFlag, value: boolean): Promise<void> {
  if (value) assertNotSelf(userId, ctx.actor, FLAG_VERBS[flag]);
  await requireExistingUser(ctx, userId);
  if (flag === "locked") {
    await synapseFetch(ctx.creds, v2User(userId), { method: "PUT", body: { locked: value } });
  } else if (flag === "suspended") {
    await synapseFetch(ctx.creds, `/_synapse/admin/v1/suspend/${encodeId(userId)}`, { method: "PUT", body: { suspend: value } });
  } else {
    await synapseFetch(ctx.creds, `/_synapse/admin/v1/users/${encodeId(userId)}/shadow_ban`, { method: value ? "POST" : "DELETE" });
  }
}

/** An access token for the user (support cases): no device, valid until the given time. Never stored or logged. */
export async function createLoginToken(ctx: ActorContext, userId: string, validForMinutes: number, now = Date.now()): Promise<{ accessToken: string; validUntil: number }> {
  assertNotSelf(userId, ctx.actor, "logInAs");
  const user = await requireExistingUser(ctx, userId);
  if (user.deactivated) throw new PortalRefusal("DEACTIVATED", msg("user.refusals.deactivatedLogin", { userId }));
  const validUntil = now + validForMinutes * 60_000;
  const body = await synapseFetch<{ access_token: string }>(ctx.creds, `/_synapse/admin/v1/users/${encodeId(userId)}/login`, {
    method: "POST",
    body: { valid_until_ms: validUntil },
  });
  return { accessToken: body.access_token, validUntil };
}
