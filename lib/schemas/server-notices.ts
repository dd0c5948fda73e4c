// A server notice to one user (from the `server_notices` account). Client-safe.
import { z } from "zod";
import { userRefSchema } from "./users";

export const NOTICE_MAX_LENGTH = 10_000;

export const serverNoticeSchema = userRefSchema.extend({
  text: z.string().trim().min(1, "Write the notice first.").max(NOTICE_MAX_LENGTH, `A notice has ${NOTICE_MAX_LENGTH} characters at most.`),
});
