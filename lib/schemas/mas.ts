import { z } from "zod";

/** A MAS session id (a ULID). */
export const masSessionRefSchema = z.object({
  sessionId: z.string().regex(/^[0-9A-Za-z]{1,64}$/, "Not a MAS session id."),
});
