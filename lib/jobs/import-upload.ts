// Receives an import file: streams it through the CSV reader and row checks into the database in batches,
// so a 50 MB file never sits in memory. Nothing is sent to Synapse here.
import "server-only";
import { msg } from "@/lib/i18n/message";
import { seal } from "@/lib/crypto/seal";
import type { NewImportRow } from "@/lib/db/import-rows";
import { forHomeserver } from "@/lib/db/tenant";
import type { ImportOptions } from "@/lib/schemas/import";
import { checkPasswordPolicy, describePolicyViolation, type PasswordPolicy } from "@/lib/synapse/password-policy";
import { CsvFileError, readCsv, type ByteStats } from "./csv-reader";
import { checkRow, describeCellErrors, readHeader, type Header, type RowContext, type RowResult } from "./import-row";
import { markUploaded } from "./import-status";
import { IMPORT_COLUMNS } from "@/lib/csv/user-columns";

const KNOWN_COLUMNS = IMPORT_COLUMNS.join(", ");

export type UploadRequest = {
  actor: string;
  homeserver: string;
  serverName: string;
  fileName: string;
  options: ImportOptions;
  body: AsyncIterable<Uint8Array>;
  maxBytes: number;
  /** the homeserver's password policy, which file passwords must meet */
  passwordPolicy?: PasswordPolicy;
  /** the Content-Length the client declared, to notice an upload that arrived cut short */
  expectedBytes?: number;
};

export type UploadResult =
  | { ok: true; jobId: number; totalRows: number; invalidRows: number; warnings: string[] }
  | { ok: false; problem: CsvFileError["problem"]; message: string };

const BATCH = 500;

/** What a row keeps in the database: the parsed cells without the password, plus the raw id for reports. */
export type StoredInput = ReturnType<typeof checkRow>["input"] & { idCell?: string };

function usesFilePasswords(options: ImportOptions): boolean {
  return options.passwords === "csv" || options.passwords === "generate-missing";
}

/** A file password the homeserver's policy would refuse makes the row invalid (reported at upload, never sent). */
function withPolicy(r: RowResult, policy: PasswordPolicy | undefined): RowResult {
  if (!r.ok || !policy || r.password === undefined) return r;
  const v = checkPasswordPolicy(policy, r.password);
  return v ? { ok: false, input: r.input, userId: r.userId, errors: [{ column: "password", message: describePolicyViolation(v) }] } : r;
}

export async function receiveImportFile(req: UploadRequest): Promise<UploadResult> {
  const tenant = forHomeserver(req.homeserver);
  const jobId = await tenant.importJobs.create({
    actor: req.actor,
    serverName: req.serverName,
    fileName: req.fileName,
    dryRun: req.options.dryRun,
    options: req.options,
    status: "uploading",
  });
  const stats: ByteStats = { bytes: 0, sha256: "" };
  try {
    const reader = readCsv(req.body, { delimiter: req.options.delimiter, maxBytes: req.maxBytes, stats });
    let header: Header | undefined;
    const ctx: RowContext = { serverName: req.serverName, idMode: req.options.ids, seen: new Map() };
    const keepPasswords = usesFilePasswords(req.options);
    let batch: NewImportRow[] = [];
    let total = 0;
    let invalid = 0;
    for await (const rec of reader.records) {
      if (!header) {
        header = readHeader(rec.cells, reader.delimiter(), req.options.ids);
        continue;
      }
      total++;
      const r = withPolicy(checkRow(rec.cells, header, ctx, rec.line), keepPasswords ? req.passwordPolicy : undefined);
      const idColumn = header.columns.get("id");
      const input: StoredInput = { ...r.input, ...(idColumn !== undefined ? { idCell: (rec.cells[idColumn] ?? "").trim() } : {}) };
      if (r.ok) {
        batch.push({
          line: rec.line,
          userId: r.userId ?? null,
          input: JSON.stringify(input),
          status: "pending",
          errors: null,
          reason: null,
          csvPassword: keepPasswords && r.password ? seal(r.password, "import-password") : null,
        });
      } else {
        invalid++;
        batch.push({
          line: rec.line,
          userId: r.userId ?? null,
          input: JSON.stringify(input),
          status: "invalid",
          errors: JSON.stringify(r.errors),
          reason: describeCellErrors(r.errors),
          csvPassword: null,
        });
      }
      if (batch.length >= BATCH) {
        await tenant.importRows.insert(jobId, batch);
        batch = [];
      }
    }
    if (req.expectedBytes !== undefined && stats.bytes !== req.expectedBytes) {
      throw new CsvFileError("truncated", msg("import.fileErrors.truncated", { bytes: stats.bytes, expected: req.expectedBytes }));
    }
    if (!header) throw new CsvFileError("empty", msg("import.fileErrors.empty"));
    if (total === 0) throw new CsvFileError("header-only", msg("import.fileErrors.headerOnly"));
    await tenant.importRows.insert(jobId, batch);
    const warnings = header.unknown.length
      ? [msg("import.fileErrors.unknownColumns", { count: header.unknown.length, columns: header.unknown.join(", "), known: KNOWN_COLUMNS })]
      : [];
    const uploaded = await markUploaded(jobId, { totalRows: total, invalidRows: invalid, warnings, fileBytes: stats.bytes, fileSha256: stats.sha256 });
    if (!uploaded) throw new Error(`import job ${jobId} left "uploading" while its file was read`);
    return { ok: true, jobId, totalRows: total, invalidRows: invalid, warnings };
  } catch (e) {
    await tenant.importJobs.delete(jobId);
    if (e instanceof CsvFileError) return { ok: false, problem: e.problem, message: e.message };
    throw e;
  }
}
