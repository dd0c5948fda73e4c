"use client";
import { useState } from "react";
import type { ActionResult } from "@/lib/result";
import type { UserFlag } from "@/lib/schemas/users";
import {
  createLoginTokenAction,
  deactivateUserAction,
  reactivateUserAction,
  resetPasswordAction,
  setUserFlagAction,
} from "../[id]/actions";
import { PolicyHint } from "./user-fields";
import { OnceSecret } from "./once-secret";
import { confirmed, DialogActions, DialogButton, TypedConfirmation } from "@/app/(portal)/_components/dialog";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { IfCan } from "@/app/(portal)/_components/role";

/** managed: why the user is a bridge or bot account (null for an ordinary one). */
type State = { userId: string; deactivated: boolean; locked: boolean; suspended: boolean; shadowBanned: boolean; managed?: string | null };

/** Password, lifecycle and support actions of one user, each behind a confirmation. */
export function UserActions({ user, policyHint, delegated = false }: { user: State; policyHint: string | null; delegated?: boolean }) {
  const { userId } = user;
  return (
    <div className="flex flex-wrap gap-2 text-sm" aria-label="User actions" role="group">
      {!user.deactivated && !delegated && (
        <DialogButton label="Reset password" title="Reset password">
          {(close) => <ResetPassword userId={userId} close={close} policyHint={policyHint} />}
        </DialogButton>
      )}
      {user.deactivated ? (
        <DialogButton label="Reactivate" title="Reactivate user">
          {(close) => <Reactivate userId={userId} close={close} policyHint={policyHint} />}
        </DialogButton>
      ) : (
        <DialogButton label="Deactivate" title="Deactivate user" danger>
          {(close) => <Deactivate userId={userId} managed={user.managed ?? null} close={close} />}
        </DialogButton>
      )}
      {!user.deactivated && <Flag userId={userId} flag="locked" on={user.locked} labels={["Lock", "Unlock"]} help="A locked user's sessions are refused until unlocked." />}
      <Flag userId={userId} flag="suspended" on={user.suspended} labels={["Suspend", "Unsuspend"]} help="A suspended user can sign in and read, but not send messages, join rooms or change the profile." />
      <Flag userId={userId} flag="shadowBanned" on={user.shadowBanned} labels={["Shadow-ban", "Remove shadow-ban"]} help="A shadow-banned user's messages seem to send but nobody receives them." />
      {!user.deactivated && (
        <IfCan need="owner">
          <DialogButton label="Login as user…" title="Log in as this user">
            {(close) => <LoginAs userId={userId} close={close} />}
          </DialogButton>
        </IfCan>
      )}
    </div>
  );
}

type FormProps<T> = {
  action: () => Promise<ActionResult<T>>;
  onDone: (data: T) => void;
  close: () => void;
  label: string;
  danger?: boolean;
  disabled?: boolean;
  children: React.ReactNode;
};

/** A dialog's form: runs the action, shows its error sentence, hands the result on. */
function ActionForm<T>({ action, onDone, close, label, danger, disabled, children }: FormProps<T>) {
  const { run, error, pending } = useAction({ refresh: true });
  return (
    <form
      noValidate
      className="flex flex-col gap-3 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await run(action);
        if (r.ok) onDone(r.data);
      }}
    >
      {children}
      <OutcomeLine error={error} className="min-h-5" />
      <DialogActions submit onCancel={close} label={label} pending={pending} pendingLabel="Working…" disabled={disabled} danger={danger} />
    </form>
  );
}

/** What a dialog shows after it produced a secret: the secret once, and Done. */
function Shown({ close, children }: { close: () => void; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-3 text-sm">
      {children}
      <button type="button" className="btn-primary self-end" onClick={close}>
        Done
      </button>
    </div>
  );
}

function ResetPassword({ userId, close, policyHint }: { userId: string; close: () => void; policyHint: string | null }) {
  const [generate, setGenerate] = useState(false);
  const [password, setPassword] = useState("");
  const [logoutDevices, setLogoutDevices] = useState(true);
  const [done, setDone] = useState<{ generatedPassword: string | null } | null>(null);
  if (done) {
    return (
      <Shown close={close}>
        <p role="status">The password was changed{logoutDevices ? " and every session was logged out" : "; the user's sessions stay signed in"}.</p>
        {done.generatedPassword && <OnceSecret label="New password" value={done.generatedPassword} />}
      </Shown>
    );
  }
  return (
    <ActionForm action={() => resetPasswordAction({ userId, generate, password, logoutDevices })} onDone={setDone} close={close} label="Set password">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={generate} onChange={(e) => setGenerate(e.target.checked)} /> Generate a password
      </label>
      {!generate && (
        <label className="flex flex-col gap-1">
          <span>New password</span>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className="field" />
        </label>
      )}
      {!generate && <PolicyHint text={policyHint} />}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={logoutDevices} onChange={(e) => setLogoutDevices(e.target.checked)} /> Log out all devices
      </label>
    </ActionForm>
  );
}

function Deactivate({ userId, managed, close }: { userId: string; managed: string | null; close: () => void }) {
  const [confirm, setConfirm] = useState("");
  const [erase, setErase] = useState(false);
  const [managedConfirmed, setManagedConfirmed] = useState(false);
  const ready = confirmed(userId, confirm) && (!managed || managedConfirmed);
  return (
    <ActionForm action={() => deactivateUserAction({ userId, confirm, erase, managedConfirmed })} onDone={close} close={close} label="Deactivate" danger disabled={!ready}>
      {managed && (
        <div role="alert" className="flex flex-col gap-2 rounded border border-danger-line p-2">
          <p>
            <strong>{userId}</strong> is a managed user: {managed}. A bridge or bot usually breaks when its account is deactivated.
          </p>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={managedConfirmed} onChange={(e) => setManagedConfirmed(e.target.checked)} /> I understand this is a managed user and
            still want to deactivate it
          </label>
        </div>
      )}
      <p>
        Deactivating <strong>{userId}</strong> logs them out everywhere, removes them from every room and deletes their password, email addresses and pushers.
      </p>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={erase} onChange={(e) => setErase(e.target.checked)} /> Also erase: remove the display name and avatar, and hide their messages from
        future room members (GDPR erasure)
      </label>
      <TypedConfirmation expected={userId} value={confirm} onChange={setConfirm} mono />
    </ActionForm>
  );
}

function Reactivate({ userId, close, policyHint }: { userId: string; close: () => void; policyHint: string | null }) {
  const [password, setPassword] = useState("");
  return (
    <ActionForm action={() => reactivateUserAction({ userId, password })} onDone={close} close={close} label="Reactivate">
      <p>Deactivation deleted the password, so the account needs a new one to be usable again.</p>
      <label className="flex flex-col gap-1">
        <span>New password</span>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className="field" />
      </label>
      <PolicyHint text={policyHint} />
    </ActionForm>
  );
}

function Flag({ userId, flag, on, labels, help }: { userId: string; flag: UserFlag; on: boolean; labels: [string, string]; help: string }) {
  const label = on ? labels[1] : labels[0];
  return (
    <DialogButton label={label} title={`${label} ${userId}?`} danger={!on}>
      {(close) => (
        <ActionForm action={() => setUserFlagAction({ userId, flag, value: !on })} onDone={close} close={close} label={label}>
          <p>{help}</p>
        </ActionForm>
      )}
    </DialogButton>
  );
}

function LoginAs({ userId, close }: { userId: string; close: () => void }) {
  const [minutes, setMinutes] = useState("60");
  const [token, setToken] = useState<{ accessToken: string; validUntil: number } | null>(null);
  if (token) {
    const until = new Date(token.validUntil).toISOString().replace("T", " ").slice(0, 16);
    return (
      <Shown close={close}>
        <OnceSecret label="Access token" value={token.accessToken} note={`Valid until ${until} UTC. Shown only now; the portal does not keep it.`} />
      </Shown>
    );
  }
  return (
    <ActionForm action={() => createLoginTokenAction({ userId, validForMinutes: minutes })} onDone={setToken} close={close} label="Create token">
      <p>
        This creates an access token that acts as <strong>{userId}</strong>, for support cases. Anyone holding it can read and send as the user until it expires. The
        audit log records that you created it.
      </p>
      <label className="flex flex-col gap-1">
        <span>Valid for (minutes)</span>
        <input type="number" min={5} max={10080} value={minutes} onChange={(e) => setMinutes(e.target.value)} className="field w-32" />
      </label>
    </ActionForm>
  );
}
