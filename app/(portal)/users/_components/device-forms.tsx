"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { DEVICE_NAME_MAX } from "@/lib/schemas/devices";
import { createDeviceAction, renameDeviceAction } from "../[id]/device-actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { ActionForm, SubmitButton } from "@/app/(portal)/_components/action-form";
import { useAction } from "@/app/(portal)/_components/use-action";

/** Adds an empty device (no keys, no session) with a chosen id, e.g. for a bridge. */
export function CreateDeviceForm({ userId }: { userId: string }) {
  const t = useTranslations("user.devices");
  const [deviceId, setDeviceId] = useState("");
  const [name, setName] = useState("");
  const { run, pending, outcome } = useAction({ refresh: true });
  return (
    <ActionForm
      className="flex flex-wrap items-end gap-3 text-sm"
      label={t("createLabel")}
      onSubmit={() => run(() => createDeviceAction({ userId, deviceId, displayName: name }), t("created", { deviceId: deviceId.trim() })).then((r) => r.ok && (setDeviceId(""), setName("")))}
    >
      <label className="flex flex-col gap-1">
        <span>{t("newId")}</span>
        <input className="field font-mono" value={deviceId} onChange={(e) => setDeviceId(e.target.value)} placeholder="BRIDGE01" />
      </label>
      <label className="flex flex-col gap-1">
        <span>{t("nameOptional")}</span>
        <input className="field" value={name} maxLength={DEVICE_NAME_MAX} onChange={(e) => setName(e.target.value)} />
      </label>
      <SubmitButton pending={pending}>{t("create")}</SubmitButton>
      <OutcomeLine outcome={outcome} className="basis-full" />
    </ActionForm>
  );
}

/** Inline rename of one device's display name. */
export function RenameDevice({ userId, deviceId, current }: { userId: string; deviceId: string; current: string | null }) {
  const t = useTranslations("user.devices");
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(current ?? "");
  const { run, pending, outcome } = useAction({ refresh: true });
  if (!editing) {
    return (
      <span className="flex flex-col gap-1">
        <span className="flex items-center gap-2">
          {current ?? <span className="text-muted">—</span>}
          <button type="button" className="text-xs underline" onClick={() => setEditing(true)} aria-label={t("renameLabel", { deviceId })}>
            {t("rename")}
          </button>
        </span>
        <OutcomeLine outcome={outcome} />
      </span>
    );
  }
  return (
    <ActionForm
      className="flex flex-wrap items-center gap-2"
      onSubmit={() => run(() => renameDeviceAction({ userId, deviceId, displayName: name }), t("renamed")).then((r) => r.ok && setEditing(false))}
    >
      <input className="field py-1" value={name} maxLength={DEVICE_NAME_MAX} onChange={(e) => setName(e.target.value)} aria-label={t("newName", { deviceId })} />
      <SubmitButton pending={pending} className="btn-primary py-1">
        {t("save")}
      </SubmitButton>
      <button type="button" className="btn-secondary py-1" onClick={() => setEditing(false)}>
        {t("cancel")}
      </button>
      <OutcomeLine outcome={outcome} className="basis-full" />
    </ActionForm>
  );
}
