// A user's devices: create and rename. Client-safe.
import { z } from "zod";
import { userIdField } from "./fields";
import { msg } from "@/lib/i18n/message";

/** Synapse's limit on a device's display name. */
export const DEVICE_NAME_MAX = 100;

export const deviceIdField = z
  .string()
  .trim()
  .min(1, msg("user.validation.enterDeviceId"))
  .max(255, msg("user.validation.deviceIdLength"))
  .regex(/^[\x21-\x7E]+$/, msg("user.validation.deviceIdChars"));
const nameField = z.string().trim().max(DEVICE_NAME_MAX, msg("user.validation.deviceNameLength", { max: DEVICE_NAME_MAX }));

export const createDeviceSchema = z.object({ userId: userIdField, deviceId: deviceIdField, displayName: nameField.default("") });
export const renameDeviceSchema = z.object({ userId: userIdField, deviceId: deviceIdField, displayName: nameField.min(1, msg("user.validation.enterDeviceName")) });
