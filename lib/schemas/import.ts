// CSV import options and the Jobs pages' URLs. Shared by the import form (client), the upload route and
// the job actions (server). Client-safe.
import { z } from "zod";
import { msg } from "@/lib/i18n/message";

export const CONFLICT_MODES = ["stop", "skip", "update"] as const;
export const PASSWORD_MODES = ["csv", "generate-missing", "generate-all", "none"] as const;
export const ID_MODES = ["csv", "generate-missing"] as const;
export const DELIMITERS = ["auto", ",", ";", "\t"] as const;

export type ConflictMode = (typeof CONFLICT_MODES)[number];
export type PasswordMode = (typeof PASSWORD_MODES)[number];
export type IdMode = (typeof ID_MODES)[number];
export type DelimiterChoice = (typeof DELIMITERS)[number];

// From bench/import-throughput.ts (500 users with passwords, 2-core test Synapse): 4 and 8 in flight gave the
// same rate (~5.4 users/s, 2× one at a time) within the noise, 1 and 2 less; 4 loads a live server less.
export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 16;

/** A separator's catalogue key (import.options.delimiter.*): the values themselves are punctuation. */
export const DELIMITER_KEYS: Record<DelimiterChoice, "auto" | "comma" | "semicolon" | "tab"> = { auto: "auto", ",": "comma", ";": "semicolon", "\t": "tab" };

/** The upload limit in megabytes, one decimal (the catalogue words it: "{megabytes, number} MB"). */
export function megabytesOf(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/** Options that decide how the rows are carried out (changeable until the job runs). */
export const runOptionsSchema = z.object({
  conflict: z.enum(CONFLICT_MODES, { message: msg("import.validation.conflict") }),
  passwords: z.enum(PASSWORD_MODES, { message: msg("import.validation.passwords") }),
  concurrency: z.coerce
    .number({ message: msg("import.validation.number") })
    .int(msg("import.validation.wholeNumber"))
    .min(1, msg("import.validation.atLeast", { min: 1 }))
    .max(MAX_CONCURRENCY, msg("import.validation.atMost", { max: MAX_CONCURRENCY })),
});
export type RunOptions = z.infer<typeof runOptionsSchema>;

/** Everything chosen on the import page, sent with the upload (as query parameters). */
export const importOptionsSchema = runOptionsSchema.extend({
  ids: z.enum(ID_MODES, { message: msg("import.validation.ids") }),
  delimiter: z.enum(DELIMITERS, { message: msg("import.validation.delimiter") }),
  dryRun: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const uploadQuerySchema = importOptionsSchema.extend({
  fileName: z.string().trim().min(1, msg("import.validation.noFileName")).max(255, msg("import.validation.fileNameTooLong")),
});

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  conflict: "skip",
  passwords: "csv",
  ids: "csv",
  delimiter: "auto",
  concurrency: DEFAULT_CONCURRENCY,
  dryRun: true,
};

export const jobIdSchema = z.object({ jobId: z.coerce.number().int().positive() });

export const JOB_STATUSES = ["uploading", "review", "queued", "running", "paused", "cancelling", "cancelled", "stopped", "completed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const FINISHED_STATUSES: readonly JobStatus[] = ["cancelled", "stopped", "completed"];

export const ROW_STATUSES = [
  "invalid",
  "pending",
  "in-flight",
  "created",
  "updated",
  "skipped",
  "failed",
  "not-run",
  "would-create",
  "would-update",
  "would-skip",
  "would-stop",
] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

// The Jobs list URL.
export const JOBS_PAGE_SIZE = 25;
export const jobsQuerySchema = z.object({
  status: z.enum(JOB_STATUSES).optional().catch(undefined),
  actor: z.string().trim().max(255).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

// A job page's row table URL.
export const ROWS_PAGE_SIZE = 50;
export const jobRowsQuerySchema = z.object({
  status: z.enum(ROW_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(255).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});

/** What the progress endpoint returns and the progress bar shows. */
export type ImportProgress = {
  status: JobStatus;
  dryRun: boolean;
  message: string | null;
  total: number;
  done: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  planned: { create: number; update: number; skip: number; stop: number };
  ratePerSecond: number | null;
  etaSeconds: number | null;
};
