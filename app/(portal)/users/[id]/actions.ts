"use server";
// One user: profile, password, lifecycle, sessions and settings. Each: adminAction → one lib call → revalidate.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { adminAction } from "@/lib/actions/admin-action";
import { assertManagedConfirmed } from "@/lib/actions/managed-user-guard";
import type { AdminContext } from "@/lib/auth/require-admin";
import type { MasOwned } from "@/lib/auth/mas-owned";
import {
  avatarUploadSchema,
  deactivateSchema,
  deleteDevicesSchema,
  experimentalFeaturesSchema,
  loginAsSchema,
  rateLimitSchema,
  reactivateSchema,
  resetPasswordSchema,
  setFlagSchema,
  userRefSchema,
  userUpdateSchema,
} from "@/lib/schemas/users";
import { requireExistingUser, setUserAvatar, updateUser, uploadUserAvatar } from "@/lib/synapse/users";
import { adminFlagRefusal } from "@/lib/roles";
import { PortalRefusal } from "@/lib/synapse/describe-error";
import { createLoginToken, deactivateUser, reactivateUser, resetPassword, setUserFlag } from "@/lib/synapse/user-lifecycle";
import { deleteDevices } from "@/lib/synapse/user-sessions";
import { setExperimentalFeatures, setRateLimitOverride } from "@/lib/synapse/user-data";
import { sendServerNotice, singleNoticeTxnId } from "@/lib/synapse/user-notices";
import { serverNoticeSchema } from "@/lib/schemas/server-notices";

const userPage = (userId: string) => `/users/${encodeURIComponent(userId)}`;
function revalidateUser(userId: string) {
  revalidatePath(userPage(userId));
  revalidatePath("/users");
}

/** An operator's change to one user: audited with the user as its target, the user's pages refreshed after it. */
function userChange<S extends z.ZodType<{ userId: string }>, T>(
  schema: S,
  audit: (i: z.infer<S>) => { action: string; params?: Record<string, unknown> },
  run: (i: z.infer<S>, a: AdminContext) => Promise<T>,
  masOwned?: (i: z.infer<S>) => MasOwned | null,
) {
  return adminAction({ role: "operator", schema, masOwned, audit: (i) => ({ ...audit(i), target: i.userId }) }, async (i, a) => {
    const r = await run(i, a);
    revalidateUser(i.userId);
    return r;
  });
}

/** Profile fields, admin flag, user type, threepids (left out under MAS, which owns them) and SSO links in one PUT. */
export const updateUserAction = userChange(
  userUpdateSchema,
  (i) => ({ action: "user.update", params: { ...i, userId: undefined } }),
  async (i, a) => {
    const refused = adminFlagRefusal(a.role, (await requireExistingUser(a, i.userId)).admin, i.admin);
    if (refused) throw new PortalRefusal("FORBIDDEN", refused);
    await updateUser(a, i);
  },
  (i) => (i.threepids ? "contacts" : null),
);

export const uploadAvatarAction = userChange(
  avatarUploadSchema,
  (i) => ({ action: "user.avatar.set", params: { size: i.file.size, type: i.file.type } }),
  (i, a) => uploadUserAvatar(a, i.userId, i.file, i.filename),
);

export const removeAvatarAction = userChange(userRefSchema, () => ({ action: "user.avatar.remove" }), async (i, a) => {
  await setUserAvatar(a, i.userId, null);
});

/** The new password (typed or generated) is never recorded; a generated one is returned once. */
export const resetPasswordAction = userChange(
  resetPasswordSchema,
  (i) => ({ action: "user.password.reset", params: { generate: i.generate, logoutDevices: i.logoutDevices } }),
  (i, a) => resetPassword(a, i.userId, i.generate ? null : i.password, i.logoutDevices),
  () => "passwords",
);

export const deactivateUserAction = userChange(deactivateSchema, (i) => ({ action: "user.deactivate", params: { erase: i.erase, managedConfirmed: i.managedConfirmed } }), async (i, a) => {
  await assertManagedConfirmed(a, i.userId, i.managedConfirmed, "deactivate");
  await deactivateUser(a, i.userId, i.erase);
});

export const reactivateUserAction = userChange(
  reactivateSchema,
  () => ({ action: "user.reactivate" }),
  async (i, a) => {
    await reactivateUser(a, i.userId, i.password);
  },
  (i) => (i.password ? "passwords" : null),
);

/** lock/unlock, suspend/unsuspend, shadow-ban/unban. */
export const setUserFlagAction = userChange(setFlagSchema, (i) => ({ action: `user.${i.flag}.${i.value ? "set" : "clear"}` }), async (i, a) => {
  await setUserFlag(a, i.userId, i.flag, i.value);
});

/** A token to act as the user for support; the audit log records who asked and for how long, never the token. */
export const createLoginTokenAction = adminAction(
  { role: "owner", schema: loginAsSchema, audit: (i) => ({ action: "user.login-as", target: i.userId, params: { validForMinutes: i.validForMinutes } }) },
  (i, a) => createLoginToken(a, i.userId, i.validForMinutes),
);

export const deleteDevicesAction = userChange(
  deleteDevicesSchema,
  (i) => ({ action: "user.devices.delete", params: { devices: i.deviceIds } }),
  async (i, a) => {
    await deleteDevices(a, i.userId, i.deviceIds);
  },
  () => "devices",
);

export const setRateLimitAction = userChange(rateLimitSchema, (i) => ({ action: "user.ratelimit.set", params: { ...i, userId: undefined } }), async (i, a) => {
  await setRateLimitOverride(a, i.userId, { messagesPerSecond: i.messagesPerSecond, burstCount: i.burstCount });
});

export const clearRateLimitAction = userChange(userRefSchema, () => ({ action: "user.ratelimit.clear" }), async (i, a) => {
  await setRateLimitOverride(a, i.userId, null);
});

export const setExperimentalFeaturesAction = userChange(experimentalFeaturesSchema, (i) => ({ action: "user.features.set", params: i.features }), async (i, a) => {
  await setExperimentalFeatures(a, i.userId, i.features);
});

/** A message from the server-notices account, in the user's "Server notices" room (the form's txn id: a double submit sends once). */
export const sendServerNoticeAction = adminAction(
  { role: "operator", schema: serverNoticeSchema, audit: (i) => ({ action: "user.server-notice.send", target: i.userId, params: { length: i.text.length } }) },
  async (i, a) => {
    await sendServerNotice(a, i.userId, i.text, singleNoticeTxnId(i.txnId));
  },
);
