"use server";
// One user: profile, password, lifecycle, sessions and settings. Each: adminAction → one lib call → revalidate.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
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
import { setUserAvatar, updateUser, uploadUserAvatar } from "@/lib/synapse/users";
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

/** Profile fields, admin flag, user type, threepids and SSO links in one PUT. */
export const updateUserAction = adminAction(
  { role: "operator", schema: userUpdateSchema, audit: (i) => ({ action: "user.update", target: i.userId, params: { ...i, userId: undefined } }) },
  async (i, a) => {
    await updateUser(a, i);
    revalidateUser(i.userId);
  },
);

export const uploadAvatarAction = adminAction(
  { role: "operator", schema: avatarUploadSchema, audit: (i) => ({ action: "user.avatar.set", target: i.userId, params: { size: i.file.size, type: i.file.type } }) },
  async (i, a) => {
    const r = await uploadUserAvatar(a, i.userId, i.file, i.filename);
    revalidateUser(i.userId);
    return r;
  },
);

export const removeAvatarAction = adminAction(
  { role: "operator", schema: userRefSchema, audit: (i) => ({ action: "user.avatar.remove", target: i.userId }) },
  async (i, a) => {
    await setUserAvatar(a, i.userId, null);
    revalidateUser(i.userId);
  },
);

/** The new password (typed or generated) is never recorded; a generated one is returned once. */
export const resetPasswordAction = adminAction(
  {
    role: "operator",
    schema: resetPasswordSchema,
    audit: (i) => ({ action: "user.password.reset", target: i.userId, params: { generate: i.generate, logoutDevices: i.logoutDevices } }),
  },
  async (i, a) => {
    const r = await resetPassword(a, i.userId, i.generate ? null : i.password, i.logoutDevices);
    revalidateUser(i.userId);
    return r;
  },
);

export const deactivateUserAction = adminAction(
  { role: "operator", schema: deactivateSchema, audit: (i) => ({ action: "user.deactivate", target: i.userId, params: { erase: i.erase } }) },
  async (i, a) => {
    await deactivateUser(a, i.userId, i.erase);
    revalidateUser(i.userId);
  },
);

export const reactivateUserAction = adminAction(
  { role: "operator", schema: reactivateSchema, audit: (i) => ({ action: "user.reactivate", target: i.userId }) },
  async (i, a) => {
    await reactivateUser(a, i.userId, i.password);
    revalidateUser(i.userId);
  },
);

/** lock/unlock, suspend/unsuspend, shadow-ban/unban. */
export const setUserFlagAction = adminAction(
  { role: "operator", schema: setFlagSchema, audit: (i) => ({ action: `user.${i.flag}.${i.value ? "set" : "clear"}`, target: i.userId }) },
  async (i, a) => {
    await setUserFlag(a, i.userId, i.flag, i.value);
    revalidateUser(i.userId);
  },
);

/** A token to act as the user for support; the audit log records who asked and for how long, never the token. */
export const createLoginTokenAction = adminAction(
  { role: "owner", schema: loginAsSchema, audit: (i) => ({ action: "user.login-as", target: i.userId, params: { validForMinutes: i.validForMinutes } }) },
  (i, a) => createLoginToken(a, i.userId, i.validForMinutes),
);

export const deleteDevicesAction = adminAction(
  { role: "operator", schema: deleteDevicesSchema, audit: (i) => ({ action: "user.devices.delete", target: i.userId, params: { devices: i.deviceIds } }) },
  async (i, a) => {
    await deleteDevices(a, i.userId, i.deviceIds);
    revalidateUser(i.userId);
  },
);

export const setRateLimitAction = adminAction(
  { role: "operator", schema: rateLimitSchema, audit: (i) => ({ action: "user.ratelimit.set", target: i.userId, params: { ...i, userId: undefined } }) },
  async (i, a) => {
    await setRateLimitOverride(a, i.userId, { messagesPerSecond: i.messagesPerSecond, burstCount: i.burstCount });
    revalidateUser(i.userId);
  },
);

export const clearRateLimitAction = adminAction(
  { role: "operator", schema: userRefSchema, audit: (i) => ({ action: "user.ratelimit.clear", target: i.userId }) },
  async (i, a) => {
    await setRateLimitOverride(a, i.userId, null);
    revalidateUser(i.userId);
  },
);

export const setExperimentalFeaturesAction = adminAction(
  { role: "operator", schema: experimentalFeaturesSchema, audit: (i) => ({ action: "user.features.set", target: i.userId, params: i.features }) },
  async (i, a) => {
    await setExperimentalFeatures(a, i.userId, i.features);
    revalidateUser(i.userId);
  },
);

/** A message from the server-notices account, in the user's "Server notices" room (the form's txn id: a double submit sends once). */
export const sendServerNoticeAction = adminAction(
  { role: "operator", schema: serverNoticeSchema, audit: (i) => ({ action: "user.server-notice.send", target: i.userId, params: { length: i.text.length } }) },
  async (i, a) => {
    await sendServerNotice(a, i.userId, i.text, singleNoticeTxnId(i.txnId));
  },
);
