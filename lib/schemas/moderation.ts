// Moderation inputs shared by forms and actions: redacting a user's events. Client-safe.
import { z } from "zod";
import { roomIdField, userIdField } from "./fields";

export const REDACT_REASON_MAX = 500;

export const redactUserEventsSchema = z
  .object({
    userId: userIdField,
    scope: z.enum(["all", "chosen"], { message: "Choose all rooms or some rooms." }),
    rooms: z.array(roomIdField).max(1000, "At most 1000 rooms at once.").default([]),
    reason: z.string().trim().max(REDACT_REASON_MAX, `The reason is at most ${REDACT_REASON_MAX} characters.`).default(""),
  })
  .refine((v) => v.scope === "all" || v.rooms.length > 0, { message: "Choose at least one room, or redact in all rooms.", path: ["rooms"] });
export type RedactUserEventsInput = z.infer<typeof redactUserEventsSchema>;
