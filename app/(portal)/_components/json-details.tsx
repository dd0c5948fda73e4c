import { useTranslations } from "next-intl";

/** An event's JSON, folded away until asked for. */
export function JsonDetails({ json, summary }: { json: string; summary?: string }) {
  const t = useTranslations("kit");
  return (
    <details>
      <summary className="cursor-pointer text-xs text-muted">{summary ?? t("json")}</summary>
      <pre className="mt-1 max-h-96 max-w-3xl overflow-auto rounded bg-canvas p-2 text-xs">{json}</pre>
    </details>
  );
}
