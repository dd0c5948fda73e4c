// Background updates and the jobs an admin may start. Client-safe.
import { z } from "zod";
import { msg } from "@/lib/i18n/message";

export type RunningUpdate = { database: string; name: string; itemsDone: number; durationMs: number; itemsPerMs: number };
export type BackgroundUpdates = { enabled: boolean; running: RunningUpdate[] };

/** Synapse's two documented jobs (their names and what they cost are in the catalogue, server.background.jobs). */
export const BACKGROUND_JOBS = ["populate_stats_process_rooms", "regenerate_directory"] as const;
export type BackgroundJobName = (typeof BACKGROUND_JOBS)[number];

export const backgroundEnabledSchema = z.object({ enabled: z.boolean() });
export const backgroundJobSchema = z.object({
  job: z.enum(BACKGROUND_JOBS, { error: msg("server.background.errors.unknownJob") }),
});
