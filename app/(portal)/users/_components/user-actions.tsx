"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat, useMessage } from "@/lib/i18n/hooks";
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
  const t = useTranslations("user.actions");
  return (
    <div className="flex flex-wrap gap-2 text-sm" aria-label={t("label")} role="group">
      {!user.deactivated && !delegated && (
        <DialogButton label={t("resetPassword")} title={t("resetPassword")}>
          {(close) => <ResetPassword userId={userId} close={close} policyHint={policyHint} />}
        </DialogButton>
      )}
      {user.deactivated ? (
        <DialogButton label={t("reactivate")} title={t("reactivateTitle")}>
          {(close) => <Reactivate userId={userId} close={close} policyHint={policyHint} />}
        </DialogButton>
      ) : (
        <DialogButton label={t("deactivate")} title={t("deactivateTitle")} danger>
          {(close) => <Deactivate userId={userId} managed={user.managed ?? null} close={close} />}
        </DialogButton>
      )}
      {!user.deactivated && <Flag userId={userId} flag="locked" on={user.locked} labels={[t("lock"), t("unlock")]} help={t("lockHelp")} />}
      <Flag userId={userId} flag="suspended" on={user.suspended} labels={[t("suspend"), t("unsuspend")]} help={t("suspendHelp")} />
      <Flag userId={userId} flag="shadowBanned" on={user.shadowBanned} labels={[t("shadowBan"), t("unshadowBan")]} help={t("shadowBanHelp")} />
      {!user.deactivated && (
        <IfCan need="owner">
          <DialogButton label={t("loginAs")} title={t("loginAsTitle")}>
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
  const t = useTranslations("user.actions");
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
      <DialogActions submit onCancel={close} label={label} pending={pending} pendingLabel={t("working")} disabled={disabled} danger={danger} />
    </form>
  );
}

/** What a dialog shows after it produced a secret: the secret once, and Done. */
function Shown({ close, children }: { close: () => void; children: React.ReactNode }) {
  const t = useTranslations("user.actions");
  return (
    <div className="flex flex-col gap-3 text-sm">
      {children}
      <button type="button" className="btn-primary self-end" onClick={close}>
        {t("done")}
      </button>
    </div>
  );
}

function ResetPassword({ userId, close, policyHint }: { userId: string; close: () => void; policyHint: string | null }) {
  const t = useTranslations("user.actions.password");
  const [generate, setGenerate] = useState(false);
  const [password, setPassword] = useState("");
  const [logoutDevices, setLogoutDevices] = useState(true);
  const [done, setDone] = useState<{ generatedPassword: string | null } | null>(null);
  if (done) {
    return (
      <Shown close={close}>
        <p role="status">{t(logoutDevices ? "changedLoggedOut" : "changedKept")}</p>
        {done.generatedPassword && <OnceSecret label={t("new")} value={done.generatedPassword} />}
      </Shown>
    );
  }
  return (
    <ActionForm action={() => resetPasswordAction({ userId, generate, password, logoutDevices })} onDone={setDone} close={close} label={t("set")}>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={generate} onChange={(e) => setGenerate(e.target.checked)} /> {t("generate")}
      </label>
      {!generate && (
        <label className="flex flex-col gap-1">
          <span>{t("new")}</span>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className="field" />
        </label>
      )}
      {!generate && <PolicyHint text={policyHint} />}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={logoutDevices} onChange={(e) => setLogoutDevices(e.target.checked)} /> {t("logoutDevices")}
      </label>
    </ActionForm>
  );
}

function Deactivate({ userId, managed, close }: { userId: string; managed: string | null; close: () => void }) {
  const t = useTranslations("user.actions.deactivateDialog");
  const render = useMessage();
  const [confirm, setConfirm] = useState("");
  const [erase, setErase] = useState(false);
  const [managedConfirmed, setManagedConfirmed] = useState(false);
  const ready = confirmed(userId, confirm) && (!managed || managedConfirmed);
  return (
    <ActionForm action={() => deactivateUserAction({ userId, confirm, erase, managedConfirmed })} onDone={close} close={close} label={t("confirm")} danger disabled={!ready}>
      {managed && (
        <div role="alert" className="flex flex-col gap-2 rounded border border-danger-line p-2">
          <p>
            {t.rich("managed", { userId, reason: render(managed), strong: (c) => <strong>{c}</strong> })}
          </p>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={managedConfirmed} onChange={(e) => setManagedConfirmed(e.target.checked)} /> {t("managedConfirm")}
          </label>
        </div>
      )}
      <p>
        {t.rich("explain", { userId, strong: (c) => <strong>{c}</strong> })}
      </p>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={erase} onChange={(e) => setErase(e.target.checked)} /> {t("erase")}
      </label>
      <TypedConfirmation expected={userId} value={confirm} onChange={setConfirm} mono />
    </ActionForm>
  );
}

function Reactivate({ userId, close, policyHint }: { userId: string; close: () => void; policyHint: string | null }) {
  const t = useTranslations("user.actions");
  const [password, setPassword] = useState("");
  return (
    <ActionForm action={() => reactivateUserAction({ userId, password })} onDone={close} close={close} label={t("reactivate")}>
      <p>{t("reactivateHelp")}</p>
      <label className="flex flex-col gap-1">
        <span>{t("password.new")}</span>
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className="field" />
      </label>
      <PolicyHint text={policyHint} />
    </ActionForm>
  );
}

function Flag({ userId, flag, on, labels, help }: { userId: string; flag: UserFlag; on: boolean; labels: [string, string]; help: string }) {
  const t = useTranslations("user.actions");
  const label = on ? labels[1] : labels[0];
  return (
    <DialogButton label={label} title={t("flagTitle", { action: label, userId })} danger={!on}>
      {(close) => (
        <ActionForm action={() => setUserFlagAction({ userId, flag, value: !on })} onDone={close} close={close} label={label}>
          <p>{help}</p>
        </ActionForm>
      )}
    </DialogButton>
  );
}

function LoginAs({ userId, close }: { userId: string; close: () => void }) {
  const t = useTranslations("user.actions.loginAsDialog");
  const { dateTime } = useFormat();
  const [minutes, setMinutes] = useState("60");
  const [token, setToken] = useState<{ accessToken: string; validUntil: number } | null>(null);
  if (token) {
    return (
      <Shown close={close}>
        <OnceSecret label={t("token")} value={token.accessToken} note={t("note", { until: dateTime(new Date(token.validUntil)) })} />
      </Shown>
    );
  }
  return (
    <ActionForm action={() => createLoginTokenAction({ userId, validForMinutes: minutes })} onDone={setToken} close={close} label={t("create")}>
      <p>
        {t.rich("explain", { userId, strong: (c) => <strong>{c}</strong> })}
      </p>
      <label className="flex flex-col gap-1">
        <span>{t("validFor")}</span>
        <input type="number" min={5} max={10080} value={minutes} onChange={(e) => setMinutes(e.target.value)} className="field w-32" />
      </label>
    </ActionForm>
  );
}
