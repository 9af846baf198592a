"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { statusOptions } from "@/components/hosts/status-options";
import type { HostStatus } from "@/lib/schemas/fields";
import { bulkDeleteHostsAction, bulkHostStatusAction } from "@/app/(app)/hosts/actions";

/** Status change and delete for the selected hosts; each is all-or-nothing and confirmed first. */
export function BulkActions({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const router = useRouter();
  const [status, setStatus] = useState<HostStatus>("reserved");
  const [dialog, setDialog] = useState<"status" | "delete" | null>(null);
  const [pending, setPending] = useState(false);
  const count = ids.length;
  const noun = `${count} host${count === 1 ? "" : "s"}`;

  async function run() {
    setPending(true);
    const result = dialog === "delete" ? await bulkDeleteHostsAction({ ids }) : await bulkHostStatusAction({ ids, status });
    setPending(false);
    setDialog(null);
    if (!result.ok) {
      toast.error(`Nothing was changed: ${result.message}`);
      return;
    }
    toast.success("deleted" in result.data ? `Deleted ${result.data.deleted} host${result.data.deleted === 1 ? "" : "s"}` : `Set ${result.data.updated} host${result.data.updated === 1 ? "" : "s"} to ${status}`);
    onDone();
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-indigo-100 bg-indigo-50 px-4 py-2.5 text-sm" role="region" aria-label="Bulk actions">
      <span className="font-medium text-indigo-900" data-testid="selected-count">{noun} selected</span>
      <span className="mx-1 hidden h-5 w-px bg-indigo-200 sm:block" aria-hidden />
      <label className="flex items-center gap-1.5">
        <span>Set status</span>
        <select
          aria-label="New status"
          value={status}
          onChange={(event) => setStatus(event.target.value as HostStatus)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      </label>
      <Button type="button" variant="secondary" className="py-1.5" onClick={() => setDialog("status")}>Apply</Button>
      <Button type="button" variant="danger" className="py-1.5" onClick={() => setDialog("delete")}>Delete selected</Button>
      <button type="button" onClick={onDone} className="ml-auto text-sm text-indigo-700 hover:underline">Clear selection</button>
      <ConfirmDialog
        open={dialog !== null}
        title={dialog === "delete" ? `Delete ${noun}?` : `Set ${noun} to ${status}?`}
        confirmLabel={dialog === "delete" ? `Delete ${noun}` : "Change status"}
        variant={dialog === "delete" ? "danger" : "primary"}
        pending={pending}
        onConfirm={run}
        onClose={() => setDialog(null)}
      >
        <p>
          {dialog === "delete" ? "Their addresses become free again." : "Every selected host gets the new status."} All or nothing: if any
          host has changed meanwhile, none is touched.
        </p>
      </ConfirmDialog>
    </div>
  );
}
