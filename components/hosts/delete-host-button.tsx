"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteHostAction } from "@/app/(app)/hosts/actions";

export function DeleteHostButton({ hostId, label, returnTo }: { hostId: number; label: string; returnTo: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    const result = await deleteHostAction(hostId);
    setPending(false);
    setOpen(false);
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    toast.success(`Host ${label} deleted`);
    router.push(returnTo);
    router.refresh();
  }

  return (
    <>
      <Button type="button" variant="danger" onClick={() => setOpen(true)}>Delete</Button>
      <ConfirmDialog open={open} title={`Delete ${label}?`} confirmLabel="Delete host" pending={pending} onConfirm={confirm} onClose={() => setOpen(false)}>
        <p>The address becomes free again. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
