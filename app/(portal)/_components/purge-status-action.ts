"use server";
// Read-only: the state of one purge-history row, polled by PurgeProgress (media dialogs and the purge page share it).
import { z } from "zod";
import { adminAction } from "@/lib/actions/admin-action";
import { getPurgeStatus } from "@/lib/jobs/media-purges";

export const getPurgeStatusAction = adminAction({ role: "viewer", schema: z.object({ id: z.number().int().positive() }) }, async ({ id }, admin) => getPurgeStatus(admin.homeserver, id));
