"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { BulkEditDialog } from "@/components/hosts/bulk-edit-dialog";
import { statusOptions } from "@/components/hosts/status-options";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { HostStatus } from "@/lib/schemas/fields";
import type { BulkHostEditInput } from "@/lib/schemas/host-bulk";
import { bulkDeleteHostsAction, bulkEditHostsAction } from "@/app/(app)/hosts/actions";

/** The whole filtered list, when every row of the page is selected and there are more pages. */
export interface MatchingHosts {
  /** The list's filters as in the address bar (the server applies the list's own rule to them). */
  filter: Record<string, string>;
  total: number;
}

const plural = (n: number) => `${n.toLocaleString("en-US")} host${n === 1 ? "" : "s"}`;

/**
 * Status, edit and delete for the selected hosts, or for every host matching
 * the filters ("Select all N matching": sent as the filter with the count
 * shown, so hosts added meanwhile make the server refuse, not join). Each is
 * all-or-nothing; status and delete are confirmed, edit is previewed.
 */
export function BulkActions({ ids, matching, onDone }: { ids: number[]; matching?: MatchingHosts; onDone: () => void }) {
  const router = useRouter();
  const [status, setStatus] = useState<HostStatus>("reserved");
  const [dialog, setDialog] = useState<"status" | "delete" | "edit" | null>(null);
  const [pending, setPending] = useState(false);
  // The selection it was chosen for: another selection (a row unticked, another page) is no longer "all matching".
  const [allFor, setAllFor] = useState<string | null>(null);
  const key = ids.join(",");
  const all = matching !== undefined && allFor === key;
  const count = all ? matching.total : ids.length;
  const noun = all ? `all ${plural(count)} matching` : plural(count);
  const select: BulkHostEditInput["select"] = all ? { filter: matching.filter, expected_count: matching.total } : { ids };

  function finish() {
    setDialog(null);
    setAllFor(null);
    onDone();
    router.refresh();
  }

  async function run() {
    setPending(true);
    const result = dialog === "delete" ? await bulkDeleteHostsAction({ select }) : await bulkEditHostsAction({ select, set: { status } });
    setPending(false);
    if (!result.ok) {
      setDialog(null);
      toast.error(`Nothing was changed: ${result.message}`);
      return;
    }
    toast.success("deleted" in result.data ? `Deleted ${plural(result.data.deleted)}` : `Set ${plural(result.data.matched)} to ${status}`);
    finish();
  }

  return (
    <div className="border-b border-indigo-100 bg-indigo-50 px-4 py-2.5 text-sm" role="region" aria-label="Bulk actions">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-indigo-900" data-testid="selected-count">{all ? `All ${plural(count)} matching selected` : `${noun} selected`}</span>
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
        <Button type="button" variant="secondary" className="py-1.5" onClick={() => setDialog("edit")}>Edit fields…</Button>
        <Button type="button" variant="danger" className="py-1.5" onClick={() => setDialog("delete")}>Delete selected</Button>
        <button type="button" onClick={onDone} className="ml-auto text-sm text-indigo-700 hover:underline">Clear selection</button>
      </div>
      {matching && matching.total > ids.length && (
        <p className="mt-1.5 text-indigo-900" data-testid="select-all-matching">
          {all ? (
            <>Every host matching the filters is selected, on all pages. <button type="button" className="font-medium text-indigo-700 underline" onClick={() => setAllFor(null)}>Only the {plural(ids.length)} on this page</button></>
          ) : (
            <>All {plural(ids.length)} on this page are selected. <button type="button" className="font-medium text-indigo-700 underline" onClick={() => setAllFor(key)}>Select all {plural(matching.total)} matching</button></>
          )}
        </p>
      )}
      <ConfirmDialog
        open={dialog === "status" || dialog === "delete"}
        title={dialog === "delete" ? `Delete ${noun}?` : `Set ${noun} to ${status}?`}
        confirmLabel={dialog === "delete" ? `Delete ${noun}` : "Change status"}
        variant={dialog === "delete" ? "danger" : "primary"}
        pending={pending}
        onConfirm={run}
        onClose={() => setDialog(null)}
      >
        <p>
          {dialog === "delete" ? "Their addresses become free again." : "Every selected host gets the new status."} All or nothing: if any
          host has changed meanwhile{all ? ", or hosts were added to or removed from the matching set" : ""}, none is touched.
        </p>
      </ConfirmDialog>
      <BulkEditDialog open={dialog === "edit"} select={select} noun={noun} onClose={() => setDialog(null)} onApplied={finish} />
    </div>
  );
}
