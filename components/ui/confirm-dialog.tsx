"use client";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * A modal confirmation built on <dialog>: focus is trapped, Escape cancels and
 * the confirm button shows the pending state while the action runs. With
 * `blocked` the dialog explains why the action cannot run and offers no
 * confirm button at all.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  variant = "danger",
  pending = false,
  blocked = false,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  variant?: "primary" | "danger";
  pending?: boolean;
  blocked?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Several dialogs can sit on one page (delete network + bulk host actions): each names itself by its own title.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      aria-labelledby={titleId}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-5">
        <h2 id={titleId} className="text-base font-semibold">{title}</h2>
        <div className="mt-2 text-sm text-slate-600">{children}</div>
      </div>
      <div className="flex justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50 px-5 py-3">
        <Button type="button" variant="secondary" onClick={onClose} disabled={pending} autoFocus>
          {blocked ? "Close" : "Cancel"}
        </Button>
        {!blocked && (
          <Button type="button" variant={variant} pending={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        )}
      </div>
    </dialog>
  );
}
