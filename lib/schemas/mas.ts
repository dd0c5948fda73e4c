import { z } from "zod";
import { msg } from "@/lib/i18n/message";

/** A MAS session id (a ULID). */
export const masSessionRefSchema = z.object({
  sessionId: z.string().regex(/^[0-9A-Za-z]{1,64}$/, msg("mas.errors.sessionId")),
});
