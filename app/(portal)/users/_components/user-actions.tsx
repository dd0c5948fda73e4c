"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import type { UserFlag } from "@/lib/schemas/users";
import {
  createLoginTokenAction,
  deactivateUserAction,
  reactivateUserAction,
  resetPasswordAction,
  setUserFlagAction,
} from "../[id]/actions";
import { DialogButton, FormError, OnceSecret } from "./form-bits";

type State = { userId: string; deactivated: boolean; locked: boolean; suspended: boolean; shadowBanned: boolean };

/** Password, lifecycle and support actions of one user, each behind a confirmation. */
export function UserActions({ user }: { user: State }) {
  return (
    <div className="flex flex-wrap gap-2 text-sm" aria-label="User actions" role="group">
      {!user.deactivated && (
        <DialogButton label="Reset password" title="Reset password">
          {(close) => <ResetPassword userId={user.userId} close={close} />}
        </DialogButton>
      )}
      {user.deactivated ? (
        <DialogButton label="Reactivate" title="Reactivate user">
          {(close) => <Reactivate userId={user.userId} close={close} />}
        </DialogButton>
      ) : (
        <DialogButton label="Deactivate" title="Deactivate user" danger>
          {(close) => <Deactivate userId={user.userId} close={close} />}
        </DialogButton>
      )}
      {!user.deactivated && <Flag userId={user.userId} flag="locked" on={user.locked} labels={["Lock", "Unlock"]} help="A locked user's sessions are refused until unlocked." />}
      <Flag userId={user.userId} flag="suspended" on={user.suspended} labels={["Suspend", "Unsuspend"]} help="A suspended user can sign in and read, but not send messages, join rooms or change the profile." />
      <Flag userId={user.userId} flag="shadowBanned" on={user.shadowBanned} labels={["Shadow-ban", "Remove shadow-ban"]} help="A shadow-banned user's messages seem to send but nobody receives them." />
      {!user.deactivated && (
        <DialogButton label="Login as user…" title="Log in as this user">
          {(close) => <LoginAs userId={user.userId} close={close} />}
        </DialogButton>
      )}
    </div>
  );
}

/** Runs an action; on success refreshes the page data, on failure returns the message. */
function useRun() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    setBusy(true);
    setError(null);
    const r = await action();
    setBusy(false);
    if (!r.ok) setError(r.error.message);
    else router.refresh();
    return r;
  }
  return { run, error, busy };
}

function Buttons({ close, busy, disabled, label, danger }: { close: () => void; busy: boolean; disabled?: boolean; label: string; danger?: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" className="btn-secondary" onClick={close}>
        Cancel
      </button>
      <button type="submit" className={danger ? "btn-primary bg-red-700" : "btn-primary"} disabled={busy || disabled}>
        {busy ? "Working…" : label}
      </button>
    </div>
  );
}

function ResetPassword({ userId, close }: { userId: string; close: () => void }) {
  const { run, error, busy } = useRun();
  const [generate, setGenerate] = useState(false);
  const [password, setPassword] = useState("");
  const [logoutDevices, setLogoutDevices] = useState(true);
  const [done, setDone] = useState<{ generatedPassword: string | null } | null>(null);
  if (done) {
    return (
      <div className="flex flex-col gap-3 text-sm">
        <p role="status">The password was changed{logoutDevices ? " and every session was logged out" : "; the user's sessions stay signed in"}.</p>
        {done.generatedPassword && <OnceSecret label="New password" value={done.generatedPassword} />}
        <button type="button" className="btn-primary self-end" onClick={close}>
          Done
        </button>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="flex flex-col gap-3 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await run(() => resetPasswordAction({ userId, generate, password, logoutDevices }));
        if (r.ok) setDone(r.data);
      }}
    >
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={generate} onChange={(e) => setGenerate(e.target.checked)} /> Generate a password
      </label>
      {!generate && (
        <label className="flex flex-col gap-1">
          <span>New password</span>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className="field" />
        </label>
      )}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={logoutDevices} onChange={(e) => setLogoutDevices(e.target.checked)} /> Log out all devices
      </label>
      <FormError message={error} />
      <Buttons close={close} busy={busy} label="Set password" />
    </form>
  );
}

function Deactivate({ userId, close }: { userId: string; close: () => void }) {
  const { run, error, busy } = useRun();
  const [confirm, setConfirm] = useState("");
  const [erase, setErase] = useState(false);
  return (
    <form
      noValidate
      className="flex flex-col gap-3 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await run(() => deactivateUserAction({ userId, confirm, erase }))).ok) close();
      }}
    >
      <p>
        Deactivating <strong>{userId}</strong> logs them out everywhere, removes them from every room and deletes their password, email addresses and pushers.
      </p>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={erase} onChange={(e) => setErase(e.target.checked)} /> Also erase: remove the display name and avatar, and hide their messages from
        future room members (GDPR erasure)
      </label>
      <label className="flex flex-col gap-1">
        <span>Type {userId} to confirm</span>
        <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" className="field font-mono" />
      </label>
      <FormError message={error} />
      <Buttons close={close} busy={busy} disabled={confirm.trim() !== userId} label="Deactivate" danger />
    </form>
  );
}

function Reactivate({ userId, close }: { userId: string; close: () => void }) {
  const { run, error, busy } = useRun();
  const [password, setPassword] = useState("");
  return (
    <form
      noValidate
      className="flex flex-col gap-3 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await run(() => reactivateUserAction({ userId, password }))).ok) close();
      }}
    >
      <p>Deactivation deleted the password, so the account needs a new one to be usable again.</p>
      <label className="flex flex-col gap-1">
        <span>New password</span>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className="field" />
      </label>
      <FormError message={error} />
      <Buttons close={close} busy={busy} label="Reactivate" />
    </form>
  );
}

function Flag({ userId, flag, on, labels, help }: { userId: string; flag: UserFlag; on: boolean; labels: [string, string]; help: string }) {
  const label = on ? labels[1] : labels[0];
  return (
    <DialogButton label={label} title={`${label} ${userId}?`} danger={!on}>
      {(close) => <FlagForm userId={userId} flag={flag} value={!on} label={label} help={help} close={close} />}
    </DialogButton>
  );
}

function FlagForm({ userId, flag, value, label, help, close }: { userId: string; flag: UserFlag; value: boolean; label: string; help: string; close: () => void }) {
  const { run, error, busy } = useRun();
  return (
    <form
      noValidate
      className="flex flex-col gap-3 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        if ((await run(() => setUserFlagAction({ userId, flag, value }))).ok) close();
      }}
    >
      <p>{help}</p>
      <FormError message={error} />
      <Buttons close={close} busy={busy} label={label} />
    </form>
  );
}

function LoginAs({ userId, close }: { userId: string; close: () => void }) {
  const { run, error, busy } = useRun();
  const [minutes, setMinutes] = useState("60");
  const [token, setToken] = useState<{ accessToken: string; validUntil: number } | null>(null);
  if (token) {
    return (
      <div className="flex flex-col gap-3 text-sm">
        <OnceSecret
          label="Access token"
          value={token.accessToken}
          note={`Valid until ${new Date(token.validUntil).toISOString().replace("T", " ").slice(0, 16)} UTC. Shown only now; the portal does not keep it.`}
        />
        <button type="button" className="btn-primary self-end" onClick={close}>
          Done
        </button>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="flex flex-col gap-3 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await run(() => createLoginTokenAction({ userId, validForMinutes: minutes }));
        if (r.ok) setToken(r.data);
      }}
    >
      <p>
        This creates an access token that acts as <strong>{userId}</strong>, for support cases. Anyone holding it can read and send as the user until it expires. The
        audit log records that you created it.
      </p>
      <label className="flex flex-col gap-1">
        <span>Valid for (minutes)</span>
        <input type="number" min={5} max={10080} value={minutes} onChange={(e) => setMinutes(e.target.value)} className="field w-32" />
      </label>
      <FormError message={error} />
      <Buttons close={close} busy={busy} label="Create token" />
    </form>
  );
}
