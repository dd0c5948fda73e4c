"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { previewBroadcastAction, startBroadcastAction } from "../notices/actions";
import { Dialog, DialogActions } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { ActionForm, SubmitButton } from "@/app/(portal)/_components/action-form";
import { useAction } from "@/app/(portal)/_components/use-action";
import { NOTICE_MAX_LENGTH } from "@/lib/schemas/server-notices";

/** Write the notice, choose who gets it, see how many that is, confirm: the broadcast runs as a job. */
export function BroadcastForm({ initialFilter }: { initialFilter: string }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [audience, setAudience] = useState<"all" | "filter">(initialFilter ? "filter" : "all");
  const [filter, setFilter] = useState(initialFilter);
  const [includeAppservice, setIncludeAppservice] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const preview = useAction();
  const start = useAction();
  const input = { text, audience, filter, includeAppservice };
  const t = useTranslations("server.notices.form");

  return (
    <ActionForm
      className="card flex flex-col gap-3"
      label={t("label")}
      onSubmit={() => void preview.run(() => previewBroadcastAction(input)).then((r) => r.ok && setCount(r.data.count))}
    >
      <label htmlFor="broadcast-text" className="text-sm font-medium">
        {t("text")}
      </label>
      <textarea id="broadcast-text" className="field" rows={4} maxLength={NOTICE_MAX_LENGTH} value={text} onChange={(e) => setText(e.target.value)} />
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="font-medium">{t("sendTo")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="audience" checked={audience === "all"} onChange={() => setAudience("all")} />
          {t("everyone")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="audience" checked={audience === "filter"} onChange={() => setAudience("filter")} />
          {t("matching")}
        </label>
      </fieldset>
      {audience === "filter" && (
        <div className="flex flex-col gap-1">
          <label htmlFor="broadcast-filter" className="text-sm font-medium">
            {t("filter")}
          </label>
          <input id="broadcast-filter" className="field font-mono" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="/users?q=team-&inactive=30" aria-describedby="broadcast-filter-help" />
          <span id="broadcast-filter-help" className="text-xs text-muted">
            {t("filterHelp")}
          </span>
        </div>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={includeAppservice} onChange={(e) => setIncludeAppservice(e.target.checked)} />
        {t("includeAppservice")}
      </label>
      <div>
        <SubmitButton pending={preview.pending} className="btn-primary">
          {t("review")}
        </SubmitButton>
      </div>
      <OutcomeLine outcome={preview.outcome} />
      <Dialog title={t("confirmTitle", { count: count ?? 0 })} open={count !== null} onClose={() => setCount(null)}>
        <p>
          {t("once")}
          {includeAppservice ? "" : ` ${t("managedLeftOut")}`}
        </p>
        <blockquote className="whitespace-pre-wrap rounded border border-line p-2">{text}</blockquote>
        <OutcomeLine outcome={start.outcome} />
        <DialogActions
          label={t("send", { count: count ?? 0 })}
          pending={start.pending}
          pendingLabel={t("starting")}
          onCancel={() => setCount(null)}
          onConfirm={() =>
            void start.run(() => startBroadcastAction({ ...input, expectedCount: count ?? 0 })).then((r) => r.ok && router.push(`/server/notices/${r.data.jobId}`))
          }
        />
      </Dialog>
    </ActionForm>
  );
}
