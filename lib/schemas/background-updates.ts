// Background updates and the jobs an admin may start. Client-safe.
import { z } from "zod";

export type RunningUpdate = { database: string; name: string; itemsDone: number; durationMs: number; itemsPerMs: number };
export type BackgroundUpdates = { enabled: boolean; running: RunningUpdate[] };

/** Synapse's two documented jobs, with what they cost (said in the confirmation). */
export const BACKGROUND_JOBS = {
  populate_stats_process_rooms: {
    label: "Recalculate room statistics",
    cost: "Synapse re-reads the state of every room to rebuild the room statistics (member counts, room list). On a large server this takes hours and adds database load the whole time.",
  },
  regenerate_directory: {
    label: "Rebuild the user directory",
    cost: "Synapse empties the user directory and rebuilds it from every user and every room. Until it finishes, user search returns incomplete results; on a large server it takes hours.",
  },
} as const;
export type BackgroundJobName = keyof typeof BACKGROUND_JOBS;

export const backgroundEnabledSchema = z.object({ enabled: z.boolean() });
export const backgroundJobSchema = z.object({
  job: z.enum(["populate_stats_process_rooms", "regenerate_directory"], { error: "Unknown background job." }),
});
