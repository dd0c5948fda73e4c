"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import type { Device } from "@/lib/synapse/user-sessions";
import { deleteDevicesAction } from "../[id]/actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { SelectAllHeader } from "@/app/(portal)/_components/select-all-header";
import { CreateDeviceForm, RenameDevice } from "./device-forms";
import { useCan } from "@/app/(portal)/_components/role";

/** Devices with their last seen IP and time; deleting one ends its sessions. Read-only when MAS owns them. */
export function DevicesTable({ userId, devices, now, masOwned = false }: { userId: string; devices: Device[]; now: number; masOwned?: boolean }) {
  const t = useTranslations("user.devices");
  const { dateTime } = useFormat();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { run, error, pending } = useAction();
  const mayDelete = useCan("operator") && !masOwned;

  async function remove(ids: string[]) {
    const question = ids.length === 1 ? t("confirmOne", { deviceId: ids[0] }) : t("confirmMany", { count: ids.length });
    if (!window.confirm(question)) return;
    if ((await run(() => deleteDevicesAction({ userId, deviceIds: ids }))).ok) setSelected(new Set());
  }

  // The create form keeps its place (and its outcome line) whether or not there are devices yet.
  const create = mayDelete ? <CreateDeviceForm key="create" userId={userId} /> : null;
  if (devices.length === 0) {
    return (
      <div className="flex flex-col gap-2">
        {create}
        <p className="text-muted">{t("empty")}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {create}
      <div className="flex items-center gap-3 text-sm">
        {mayDelete && (
          <button type="button" className="btn-secondary py-1" disabled={selected.size === 0 || pending} onClick={() => remove([...selected])}>
            {t("deleteSelected", { count: selected.size })}
          </button>
        )}
        <OutcomeLine error={error} />
      </div>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line text-muted">
          <tr>
            <SelectAllHeader
              className="w-8 py-2 pr-2"
              label={t("selectAll")}
              checked={selected.size === devices.length}
              onToggle={(on) => setSelected(on ? new Set(devices.map((d) => d.deviceId)) : new Set())}
            />
            <th className="py-2 pr-3">{t("columns.device")}</th>
            <th className="py-2 pr-3">{t("columns.name")}</th>
            <th className="py-2 pr-3">{t("columns.ip")}</th>
            <th className="py-2 pr-3">{t("columns.lastSeen")}</th>
            <th className="py-2 pr-3">
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.deviceId} className="border-b border-line" data-testid="device-row">
              <td className="py-2 pr-2">
                <input
                  type="checkbox"
                  aria-label={t("select", { deviceId: d.deviceId })}
                  checked={selected.has(d.deviceId)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(d.deviceId);
                    else next.delete(d.deviceId);
                    setSelected(next);
                  }}
                />
              </td>
              <td className="py-2 pr-3 font-mono text-xs">{d.deviceId}</td>
              <td className="py-2 pr-3">
                {mayDelete ? <RenameDevice userId={userId} deviceId={d.deviceId} current={d.displayName} /> : (d.displayName ?? <span className="text-muted">—</span>)}
              </td>
              <td className="py-2 pr-3">{d.lastSeenIp ?? <span className="text-muted">—</span>}</td>
              <td className="py-2 pr-3" title={d.userAgent ?? undefined}>
                {d.lastSeenAt ? dateTime(new Date(d.lastSeenAt)) : <span className="text-muted">{t("never")}</span>}
                {d.lastSeenAt && now - d.lastSeenAt < 5 * 60_000 ? ` ${t("activeNow")}` : ""}
              </td>
              <td className="py-2 pr-3">
                {mayDelete && (
                  <button type="button" className="underline" disabled={pending} onClick={() => remove([d.deviceId])}>
                    {t("delete")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
