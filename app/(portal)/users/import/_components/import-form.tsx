"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  CONFLICT_MODES,
  DEFAULT_IMPORT_OPTIONS,
  DELIMITER_KEYS,
  DELIMITERS,
  ID_MODES,
  importOptionsSchema,
  MAX_CONCURRENCY,
  megabytesOf,
  PASSWORD_MODES,
  type ImportOptions,
} from "@/lib/schemas/import";
import { useMessage } from "@/lib/i18n/hooks";
import { TextField } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";

export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const t = useTranslations("import.form");
  const o = useTranslations("import.options");
  const fe = useTranslations("import.fileErrors");
  const render = useMessage();
  const megabytes = megabytesOf(maxBytes);
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
    if (!file) return setFileError(t("chooseFile"));
    if (file.size === 0) return setFileError(fe("empty"));
    if (file.size > maxBytes) return setFileError(fe("tooLarge", { megabytes }));
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
        setFormError(body?.error?.message ?? t("uploadFailed", { status: res.status }));
        return;
      }
      router.push(`/jobs/${body.jobId}`);
    } catch {
      setFormError(t("interrupted"));
    } finally {
      setUploading(false);
    }
  }

  const { errors } = formState;
  const err = (m: string | undefined) => (m ? render(m) : undefined);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t("label")} className="card flex flex-col gap-4">
      <TextField
        id="import-file"
        label={t("file")}
        type="file"
        accept=".csv,text/csv,text/plain"
        className=""
        help={t("fileHelp", { megabytes })}
        aria-invalid={fileError ? true : undefined}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setFileError(null);
        }}
        after={<OutcomeLine error={fileError} />}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectChoice label={t("delimiter")} error={err(errors.delimiter?.message)} field={register("delimiter")} values={DELIMITERS} label_={(v) => o(`delimiter.${DELIMITER_KEYS[v]}`)} />
        <SelectChoice label={t("conflict")} error={err(errors.conflict?.message)} field={register("conflict")} values={CONFLICT_MODES} label_={(v) => o(`conflict.${v}`)} />
        <SelectChoice label={t("passwords")} error={err(errors.passwords?.message)} help={t("passwordsHelp")} field={register("passwords")} values={PASSWORD_MODES} label_={(v) => o(`passwords.${v}`)} />
        <SelectChoice label={t("ids")} error={err(errors.ids?.message)} field={register("ids")} values={ID_MODES} label_={(v) => o(`ids.${v}`)} />
        <Choice label={t("concurrency")} error={err(errors.concurrency?.message)} help={t("concurrencyHelp")}>
          <input type="number" min={1} max={MAX_CONCURRENCY} {...register("concurrency")} className="field w-28" />
        </Choice>
      </div>

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" {...register("dryRun")} className="mt-1" />
        <span>
          {t.rich("dryRun", { strong: (chunks) => <span className="font-medium">{chunks}</span> })}
        </span>
      </label>

      <OutcomeLine error={formError} className="min-h-5" />
      <div>
        <button type="submit" className="btn-primary" disabled={uploading}>
          {uploading ? t("uploading") : t("submit")}
        </button>
      </div>
    </form>
  );
}

/** A Choice whose control is a select: one <option> a value, worded by label_. */
function SelectChoice<T extends string>({
  field,
  values,
  label_,
  ...choice
}: {
  label: string;
  error?: string;
  help?: string;
  field: UseFormRegisterReturn;
  values: readonly T[];
  label_: (value: T) => string;
}) {
  return (
    <Choice {...choice}>
      <select {...field} className="field">
        {values.map((v) => (
          <option key={v} value={v}>
            {label_(v)}
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
