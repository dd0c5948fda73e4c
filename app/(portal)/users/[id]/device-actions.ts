"use server";
// Creating and renaming one user's devices.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { createDeviceSchema, renameDeviceSchema } from "@/lib/schemas/devices";
import { createDevice, renameDevice } from "@/lib/synapse/user-devices";

const devicesTab = (userId: string) => `/users/${encodeURIComponent(userId)}`;

// Adds an empty device with the given id (and name).
export const createDeviceAction = adminAction(
  { role: "operator", schema: createDeviceSchema, masOwned: () => "devices", audit: (i) => ({ action: "user.device.create", target: i.userId, params: { deviceId: i.deviceId, displayName: i.displayName } }) },
  async (i, a) => {
    await createDevice(a, i.userId, { deviceId: i.deviceId, displayName: i.displayName || undefined });
    revalidatePath(devicesTab(i.userId));
  },
);

// Gives a device a new display name.
export const renameDeviceAction = adminAction(
  { role: "operator", schema: renameDeviceSchema, masOwned: () => "devices", audit: (i) => ({ action: "user.device.rename", target: i.userId, params: { deviceId: i.deviceId, displayName: i.displayName } }) },
  async (i, a) => {
    await renameDevice(a, i.userId, i);
    revalidatePath(devicesTab(i.userId));
  },
);
