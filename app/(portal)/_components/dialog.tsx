"use client";
// The portal's one dialog: a native <dialog> (focus trapped, Escape closes), the button that opens it, the
// cancel/confirm foot, the typed confirmation for irreversible work, and the inline "are you sure" button.
import { createContext, use, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";

/** Children mount only while open, so a dialog's form starts fresh each time. */
export function Dialog({ title, open, onClose, wide, children }: { title: string; open: boolean; onClose: () => void; wide?: boolean; children: React.ReactNode }) {
  const t = useTranslations("kit.dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Closing hands focus back to what opened it: by then the focused button inside may have unmounted.
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    }
    if (!open && d.open) d.close();
    if (!open && opener.current) {
      if (opener.current.isConnected) opener.current.focus();
      opener.current = null;
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-1rem)] overflow-y-auto ${wide ? "max-w-2xl" : "max-w-xl"} rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40`}
    >
      {open && (
        <div className="flex flex-col gap-4 p-5 text-sm">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="text-muted hover:text-ink" aria-label={t("close")}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}

const CloseDialog = createContext<() => void>(() => {});

/** Inside a DialogButton's body: the function that closes the dialog (for bodies a server page passes as elements). */
export const useCloseDialog = () => use(CloseDialog);

/** A button that opens a dialog; the body gets a function that closes it, or reads it with useCloseDialog(). */
export function DialogButton(props: {
  label: string;
  title: string;
  danger?: boolean;
  className?: string;
  disabled?: boolean;
  wide?: boolean;
  children: React.ReactNode | ((close: () => void) => React.ReactNode);
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const className = props.className ?? (props.danger ? "btn-secondary border-danger-line py-1.5 text-danger" : "btn-secondary py-1.5");
  return (
    <>
      <button type="button" aria-haspopup="dialog" className={className} disabled={props.disabled} onClick={() => setOpen(true)}>
        {props.label}
      </button>
      <Dialog title={props.title} open={open} onClose={close} wide={props.wide}>
        <CloseDialog value={close}>{typeof props.children === "function" ? props.children(close) : props.children}</CloseDialog>
      </Dialog>
    </>
  );
}

/** Cancel and confirm at the foot of a dialog; `submit` makes confirm the form's submit button. */
export function DialogActions(props: {
  onCancel: () => void;
  onConfirm?: () => void;
  label: string;
  pending?: boolean;
  pendingLabel?: string;
  disabled?: boolean;
  danger?: boolean;
  submit?: boolean;
  cancelLabel?: string;
}) {
  const t = useTranslations("kit.dialog");
  return (
    <div className="flex justify-end gap-2">
      <button type="button" className="btn-secondary" onClick={props.onCancel}>
        {props.cancelLabel ?? t("cancel")}
      </button>
      <button
        type={props.submit ? "submit" : "button"}
        className={props.danger ? "btn-danger" : "btn-primary"}
        disabled={props.pending || props.disabled}
        onClick={props.submit ? undefined : props.onConfirm}
      >
        {props.pending && props.pendingLabel ? props.pendingLabel : props.label}
      </button>
    </div>
  );
}

/** "Type X to confirm": irreversible work waits until the admin typed the exact thing it will hit. */
export function TypedConfirmation({ expected, value, onChange, mono, numeric }: { expected: string; value: string; onChange: (v: string) => void; mono?: boolean; numeric?: boolean }) {
  const t = useTranslations("kit.dialog");
  return (
    <label className="flex flex-col gap-1">
      <span>{t("typeToConfirm", { expected })}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" inputMode={numeric ? "numeric" : undefined} className={mono ? "field font-mono" : "field"} />
    </label>
  );
}

/** Whether the typed confirmation matches (surrounding spaces forgiven). */
export const confirmed = (expected: string, typed: string) => typed.trim() === expected;

/** A button that asks once more, inline, before it acts. */
export function ConfirmButton(props: { label: string; confirmLabel: string; question: string; pending: boolean; onConfirm: () => void; danger?: boolean }) {
  const t = useTranslations("kit.dialog");
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={props.danger ? "btn-secondary text-danger" : "btn-secondary"} disabled={props.pending} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <span>{props.question}</span>
      <button
        type="button"
        className="btn-primary py-1"
        disabled={props.pending}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" className="btn-secondary py-1" onClick={() => setAsking(false)}>
        {t("cancel")}
      </button>
    </span>
  );
}
