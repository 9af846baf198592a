"use client";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { BulkEditFields, emptyChoice, setOf, type BulkEditChoice } from "@/components/hosts/bulk-edit-fields";
import { BulkEditPreview, BulkEditRefusal } from "@/components/hosts/bulk-edit-preview";
import { Button } from "@/components/ui/button";
import type { BulkEditOut, BulkHostEditInput } from "@/lib/schemas/host-bulk";
import { bulkEditHostsAction } from "@/app/(app)/hosts/actions";

type Refusal = { message: string; details?: Record<string, unknown> };

/**
 * Bulk edit of the selected hosts: choose fields, preview what changes per
 * host (the server's dry run: same selection, same host rules), then apply
 * all or nothing. Changing a field throws the preview away, so what is
 * applied is always what was previewed.
 */
export function BulkEditDialog({ open, select, noun, onClose, onApplied }: {
  open: boolean;
  select: BulkHostEditInput["select"];
  /** "3 hosts", "all 120 matching hosts" */
  noun: string;
  onClose: () => void;
  onApplied: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [choice, setChoice] = useState<BulkEditChoice>(emptyChoice);
  const [preview, setPreview] = useState<BulkEditOut | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
    if (open) {
      setChoice(emptyChoice);
      setPreview(null);
      setRefusal(null);
    }
  }, [open]);

  function change(next: BulkEditChoice) {
    setChoice(next);
    setPreview(null);
    setRefusal(null);
  }

  async function run(dryRun: boolean) {
    setPending(true);
    const result = await bulkEditHostsAction({ select, set: setOf(choice) }, dryRun);
    setPending(false);
    if (!result.ok) {
      const fields = Object.values(result.fieldErrors ?? {}).flat();
      setRefusal({ message: fields.length && result.code === "validation_error" && !result.details?.hosts ? fields.join("; ") : result.message, details: result.details });
      setPreview(null);
      return;
    }
    if (dryRun) {
      setPreview(result.data);
      return;
    }
    const { changed, unchanged } = result.data;
    toast.success(`Updated ${changed} host${changed === 1 ? "" : "s"}${unchanged ? ` (${unchanged} already had these values)` : ""}`);
    onApplied();
  }

  const nothingChosen = Object.keys(setOf(choice)).length === 0;
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      aria-labelledby={titleId}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <div>
          <h2 id={titleId} className="text-base font-semibold">Edit {noun}</h2>
          <p className="mt-1 text-sm text-slate-600">Every chosen field gets the same value on each host. All or nothing: if one host would break a rule, none is changed.</p>
        </div>
        <BulkEditFields choice={choice} onChange={change} />
        {refusal && <BulkEditRefusal message={refusal.message} details={refusal.details} />}
        {preview && <BulkEditPreview preview={preview} />}
      </div>
      <div className="flex justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50 px-5 py-3">
        <Button type="button" variant="secondary" onClick={onClose} disabled={pending}>Cancel</Button>
        {preview && preview.changed > 0 ? (
          <Button type="button" pending={pending} onClick={() => run(false)}>Apply to {preview.changed} host{preview.changed === 1 ? "" : "s"}</Button>
        ) : (
          <Button type="button" variant="secondary" pending={pending} disabled={nothingChosen} onClick={() => run(true)}>Preview changes</Button>
        )}
      </div>
    </dialog>
  );
}
