"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  CONFLICT_LABELS,
  CONFLICT_MODES,
  DEFAULT_IMPORT_OPTIONS,
  DELIMITER_LABELS,
  DELIMITERS,
  ID_LABELS,
  ID_MODES,
  importOptionsSchema,
  MAX_CONCURRENCY,
  PASSWORD_LABELS,
  PASSWORD_MODES,
  type ImportOptions,
} from "@/lib/schemas/import";
import { TextField } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(importOptionsSchema),
    defaultValues: DEFAULT_IMPORT_OPTIONS,
  });
  const { register, handleSubmit, formState } = form;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  async function onSubmit(values: ImportOptions) {
    setFormError(null);
    if (!file) return setFileError("Choose a CSV file.");
    if (file.size === 0) return setFileError("The file is empty.");
    if (file.size > maxBytes) return setFileError(`The file is larger than the limit of ${megabytes(maxBytes)}. Split it into smaller files.`);
    setFileError(null);
    setUploading(true);
    const query = new URLSearchParams({
      fileName: file.name,
      conflict: values.conflict,
      passwords: values.passwords,
      ids: values.ids,
      delimiter: values.delimiter,
      concurrency: String(values.concurrency),
      dryRun: String(values.dryRun),
    });
    try {
      const res = await fetch(`/api/imports?${query}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
      if (res.redirected && res.url.includes("/login")) return router.push("/login");
      const body = (await res.json().catch(() => null)) as { jobId?: number; error?: { message: string } } | null;
      if (!res.ok || !body?.jobId) {
        setFormError(body?.error?.message ?? `The upload failed (HTTP ${res.status}). Try again.`);
        return;
      }
      router.push(`/jobs/${body.jobId}`);
    } catch {
      setFormError("The upload was interrupted. Check the connection and try again.");
    } finally {
      setUploading(false);
    }
  }

  const { errors } = formState;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="CSV import" className="card flex flex-col gap-4">
      <TextField
        id="import-file"
        label="CSV file"
        type="file"
        accept=".csv,text/csv,text/plain"
        className=""
        help={`UTF-8 text, up to ${megabytes(maxBytes)}.`}
        aria-invalid={fileError ? true : undefined}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setFileError(null);
        }}
        after={<OutcomeLine error={fileError} />}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectChoice label="Separator" error={errors.delimiter?.message} field={register("delimiter")} values={DELIMITERS} labels={DELIMITER_LABELS} />
        <SelectChoice label="When the user exists" error={errors.conflict?.message} field={register("conflict")} values={CONFLICT_MODES} labels={CONFLICT_LABELS} />
        <SelectChoice label="Passwords" error={errors.passwords?.message} help="Generated passwords are set only on new accounts and are in the report for you alone." field={register("passwords")} values={PASSWORD_MODES} labels={PASSWORD_LABELS} />
        <SelectChoice label="User ids" error={errors.ids?.message} field={register("ids")} values={ID_MODES} labels={ID_LABELS} />
        <Choice label="Concurrency" error={errors.concurrency?.message} help="Users created at once. Synapse hashes each password for about 0.3 s of CPU.">
          <input type="number" min={1} max={MAX_CONCURRENCY} {...register("concurrency")} className="field w-28" />
        </Choice>
      </div>

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" {...register("dryRun")} className="mt-1" />
        <span>
          <span className="font-medium">Dry run</span> — check every row against the server and show what would happen, without changing anything.
        </span>
      </label>

      <OutcomeLine error={formError} className="min-h-5" />
      <div>
        <button type="submit" className="btn-primary" disabled={uploading}>
          {uploading ? "Uploading…" : "Upload and check"}
        </button>
      </div>
    </form>
  );
}

/** A Choice whose control is a select: one <option> a value, worded by its label. */
function SelectChoice<T extends string>({
  field,
  values,
  labels,
  ...choice
}: {
  label: string;
  error?: string;
  help?: string;
  field: UseFormRegisterReturn;
  values: readonly T[];
  labels: Record<T, string>;
}) {
  return (
    <Choice {...choice}>
      <select {...field} className="field">
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </Choice>
  );
}

function Choice({ label, error, help, children }: { label: string; error?: string; help?: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      {children}
      {help && <span className="text-xs text-muted">{help}</span>}
      {error && <span className="text-danger">{error}</span>}
    </label>
  );
}
