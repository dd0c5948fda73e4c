// Creating and renaming devices against the real test Synapse, checked through its admin API.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { inEnglish } from "./rejection";
import { createDevice, renameDevice } from "@/lib/synapse/user-devices";
import { createDeviceSchema, renameDeviceSchema } from "@/lib/schemas/devices";
import { api, randomSuffix } from "../../e2e/synapse/testbed";
import { adminOwner, type Owner } from "./moderation-helpers";
import { createMember } from "../../e2e/rooms-fixtures";

let ctx: Owner;
let user: { userId: string };
const device = (id: string) => api<{ display_name: string | null }>(`/_synapse/admin/v2/users/${encodeURIComponent(user.userId)}/devices/${id}`, { token: ctx.creds.accessToken });

before(async () => {
  ctx = await adminOwner();
  user = await createMember(`it-dev-${randomSuffix()}`);
});

describe("devices", () => {
  test("a device is created with its name, then renamed", async () => {
    await createDevice(ctx, user.userId, { deviceId: "ITBRIDGE", displayName: "Bridge" });
    assert.equal((await device("ITBRIDGE")).body.display_name, "Bridge");
    await renameDevice(ctx, user.userId, { deviceId: "ITBRIDGE", displayName: "Bridge (renamed)" });
    assert.equal((await device("ITBRIDGE")).body.display_name, "Bridge (renamed)");
  });

  test("creating an existing device or renaming a missing one is refused with a sentence", async () => {
    await assert.rejects(createDevice(ctx, user.userId, { deviceId: "ITBRIDGE", displayName: "again" }), inEnglish(/already has a device ITBRIDGE/));
    assert.equal((await device("ITBRIDGE")).body.display_name, "Bridge (renamed)", "the existing device kept its name");
    await assert.rejects(renameDevice(ctx, user.userId, { deviceId: "NOSUCH", displayName: "x" }), inEnglish(/has no device NOSUCH/));
    assert.equal((await device("NOSUCH")).status, 404, "renaming did not create it");
    await assert.rejects(createDevice(ctx, "@x:elsewhere.example", { deviceId: "A" }), inEnglish(/not a user of this homeserver/));
  });

  test("bad ids and names are refused by the schema", () => {
    assert.equal(createDeviceSchema.safeParse({ userId: user.userId, deviceId: "has space" }).success, false);
    assert.equal(createDeviceSchema.safeParse({ userId: user.userId, deviceId: "" }).success, false);
    assert.equal(renameDeviceSchema.safeParse({ userId: user.userId, deviceId: "A", displayName: "" }).success, false);
    assert.equal(renameDeviceSchema.safeParse({ userId: user.userId, deviceId: "A", displayName: "x".repeat(101) }).success, false);
  });
});
