"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteNetworkAction } from "@/app/(app)/networks/actions";

/**
 * Delete with confirmation. While hosts remain the dialog says so, with the
 * count, and offers no delete; the service refuses anyway (network_not_empty).
 */
export function DeleteNetworkButton({ networkId, prefix, hostCount, childCount }: { networkId: number; prefix: string; hostCount: number; childCount: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const blocked = hostCount > 0;

  async function confirm() {
    setPending(true);
    const result = await deleteNetworkAction(networkId);
    setPending(false);
    if (!result.ok) {
      toast.error(result.message);
      setOpen(false);
      router.refresh();
      return;
    }
    setOpen(false);
    toast.success(`Network ${prefix} deleted`);
    router.push("/networks");
    router.refresh();
  }

  return (
    <>
      <Button type="button" variant="danger" onClick={() => setOpen(true)}>Delete</Button>
      <ConfirmDialog
        open={open}
        title={blocked ? `${prefix} cannot be deleted` : `Delete ${prefix}?`}
        confirmLabel="Delete network"
        blocked={blocked}
        pending={pending}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        {blocked ? (
          <p data-testid="delete-blocked">
            This network still has <strong>{hostCount.toLocaleString("en-US")} host{hostCount === 1 ? "" : "s"}</strong>. Delete or move{" "}
            {hostCount === 1 ? "it" : "them"} first —{" "}
            <Link href={`/hosts?network_id=${networkId}`} className="font-medium text-indigo-700 hover:underline">see the hosts</Link>.
          </p>
        ) : (
          <p>
            The network and its settings are removed. This cannot be undone.
            {childCount > 0 && ` Its ${childCount} child network${childCount === 1 ? "" : "s"} move up to the parent.`}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
