"use client";
import { useState } from "react";
import type { Device } from "@/lib/synapse/user-sessions";
import { deleteDevicesAction } from "../[id]/actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { SelectAllHeader } from "@/app/(portal)/_components/select-all-header";
import { CreateDeviceForm, RenameDevice } from "./device-forms";
import { useCan } from "@/app/(portal)/_components/role";

/** Devices with their last seen IP and time; deleting one ends its sessions. Read-only when MAS owns them. */
export function DevicesTable({ userId, devices, now, masOwned = false }: { userId: string; devices: Device[]; now: number; masOwned?: boolean }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { run, error, pending } = useAction();
  const mayDelete = useCan("operator") && !masOwned;

  async function remove(ids: string[]) {
    const what = ids.length === 1 ? `device ${ids[0]}` : `${ids.length} devices`;
    if (!window.confirm(`Delete ${what}? Their sessions end immediately.`)) return;
    if ((await run(() => deleteDevicesAction({ userId, deviceIds: ids }))).ok) setSelected(new Set());
  }

  // The create form keeps its place (and its outcome line) whether or not there are devices yet.
  const create = mayDelete ? <CreateDeviceForm key="create" userId={userId} /> : null;
  if (devices.length === 0) {
    return (
      <div className="flex flex-col gap-2">
        {create}
        <p className="text-muted">No devices.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {create}
      <div className="flex items-center gap-3 text-sm">
        {mayDelete && (
          <button type="button" className="btn-secondary py-1" disabled={selected.size === 0 || pending} onClick={() => remove([...selected])}>
            Delete selected ({selected.size})
          </button>
        )}
        <OutcomeLine error={error} />
      </div>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line text-muted">
          <tr>
            <SelectAllHeader
              className="w-8 py-2 pr-2"
              label="Select all devices"
              checked={selected.size === devices.length}
              onToggle={(on) => setSelected(on ? new Set(devices.map((d) => d.deviceId)) : new Set())}
            />
            <th className="py-2 pr-3">Device</th>
            <th className="py-2 pr-3">Name</th>
            <th className="py-2 pr-3">Last seen IP</th>
            <th className="py-2 pr-3">Last seen</th>
            <th className="py-2 pr-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.deviceId} className="border-b border-line" data-testid="device-row">
              <td className="py-2 pr-2">
                <input
                  type="checkbox"
                  aria-label={`Select device ${d.deviceId}`}
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
                {d.lastSeenAt ? new Date(d.lastSeenAt).toISOString().replace("T", " ").slice(0, 19) + " UTC" : <span className="text-muted">never</span>}
                {d.lastSeenAt && now - d.lastSeenAt < 5 * 60_000 ? " (active now)" : ""}
              </td>
              <td className="py-2 pr-3">
                {mayDelete && (
                  <button type="button" className="underline" disabled={pending} onClick={() => remove([d.deviceId])}>
                    Delete
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
