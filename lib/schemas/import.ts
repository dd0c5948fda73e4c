// CSV import options and the Jobs pages' URLs. Shared by the import form (client), the upload route and
// the job actions (server). Client-safe.
import { z } from "zod";

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

export const CONFLICT_LABELS: Record<ConflictMode, string> = {
  stop: "Stop the job",
  skip: "Skip the row",
  update: "Update the given fields",
};
export const PASSWORD_LABELS: Record<PasswordMode, string> = {
  csv: "Use the file's passwords",
  "generate-missing": "Generate where the cell is empty",
  "generate-all": "Ignore the file's and generate all",
  none: "Set none (single sign-on accounts)",
};
export const ID_LABELS: Record<IdMode, string> = {
  csv: "Use the file's ids",
  "generate-missing": "Generate from the display name where empty",
};
export const DELIMITER_LABELS: Record<DelimiterChoice, string> = {
  auto: "Detect",
  ",": "Comma (,)",
  ";": "Semicolon (;)",
  "\t": "Tab",
};

/** Options that decide how the rows are carried out (changeable until the job runs). */
export const runOptionsSchema = z.object({
  conflict: z.enum(CONFLICT_MODES, { message: "Choose what happens when a user exists." }),
  passwords: z.enum(PASSWORD_MODES, { message: "Choose how passwords are set." }),
  concurrency: z.coerce
    .number({ message: "Enter a number." })
    .int("Enter a whole number.")
    .min(1, "At least 1.")
    .max(MAX_CONCURRENCY, `At most ${MAX_CONCURRENCY}.`),
});
export type RunOptions = z.infer<typeof runOptionsSchema>;

/** Everything chosen on the import page, sent with the upload (as query parameters). */
export const importOptionsSchema = runOptionsSchema.extend({
  ids: z.enum(ID_MODES, { message: "Choose where user ids come from." }),
  delimiter: z.enum(DELIMITERS, { message: "Choose the separator." }),
  dryRun: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const uploadQuerySchema = importOptionsSchema.extend({
  fileName: z.string().trim().min(1, "The file has no name.").max(255, "The file name is too long."),
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

export const ROW_STATUS_LABELS: Record<RowStatus, string> = {
  invalid: "invalid",
  pending: "pending",
  "in-flight": "in progress",
  created: "created",
  updated: "updated",
  skipped: "skipped",
  failed: "failed",
  "not-run": "not run",
  "would-create": "would create",
  "would-update": "would update",
  "would-skip": "would skip",
  "would-stop": "would stop the job",
};

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
