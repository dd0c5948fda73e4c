// A user's devices: create and rename. Client-safe.
import { z } from "zod";
import { userIdField } from "./fields";

/** Synapse's limit on a device's display name. */
export const DEVICE_NAME_MAX = 100;

export const deviceIdField = z
  .string()
  .trim()
  .min(1, "Enter a device ID.")
  .max(255, "A device ID is at most 255 characters.")
  .regex(/^[\x21-\x7E]+$/, "A device ID has no spaces and only plain ASCII characters (e.g. BRIDGE01).");
const nameField = z.string().trim().max(DEVICE_NAME_MAX, `A device name is at most ${DEVICE_NAME_MAX} characters.`);

export const createDeviceSchema = z.object({ userId: userIdField, deviceId: deviceIdField, displayName: nameField.default("") });
export const renameDeviceSchema = z.object({ userId: userIdField, deviceId: deviceIdField, displayName: nameField.min(1, "Enter a name for the device.") });
