"use client";
import { useEffect, useId, useRef, useState } from "react";

/** A native modal dialog: focus is trapped and Escape closes it. Children mount only while open. */
export function Modal({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-xl rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      {open && (
        <div className="flex flex-col gap-4 p-5">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="text-muted hover:text-ink" aria-label="Close dialog">
              ✕
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** Cancel and confirm buttons at the foot of a dialog; destructive confirmations are red. */
export function ConfirmActions(props: { onCancel: () => void; onConfirm: () => void; label: string; pending?: boolean; danger?: boolean; cancelLabel?: string }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" className="btn-secondary" onClick={props.onCancel}>
        {props.cancelLabel ?? "Cancel"}
      </button>
      <button type="button" className={props.danger ? "btn-danger" : "btn-primary"} disabled={props.pending} onClick={props.onConfirm}>
        {props.label}
      </button>
    </div>
  );
}

/** A button that opens a modal; the body gets a function that closes it. */
export function ModalButton(props: { label: string; title: string; className?: string; disabled?: boolean; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" className={props.className ?? "btn-secondary"} disabled={props.disabled} onClick={() => setOpen(true)}>
        {props.label}
      </button>
      <Modal title={props.title} open={open} onClose={close}>
        {props.children(close)}
      </Modal>
    </>
  );
}
