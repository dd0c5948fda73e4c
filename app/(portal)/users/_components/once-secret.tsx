"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

/** A secret shown once (generated password, login token): selectable, copyable, never stored by the portal. */
export function OnceSecret({ label, value, note }: { label: string; value: string; note?: string }) {
  const t = useTranslations("users.secret");
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-1 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:bg-amber-950/40">
      <span className="font-medium">{label}</span>
      <div className="flex items-center gap-2">
        <output className="flex-1 font-mono break-all select-all" aria-label={label}>
          {value}
        </output>
        <button
          type="button"
          className="btn-secondary py-1"
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <span className="text-xs text-muted">{note ?? t("note")}</span>
    </div>
  );
}
