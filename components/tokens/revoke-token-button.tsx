"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeTokenAction } from "@/app/(app)/account/tokens/actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: number; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    const result = await revokeTokenAction(tokenId);
    setPending(false);
    setOpen(false);
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    toast.success(`Token ${name} revoked`);
    router.refresh();
  }

  return (
    <>
      <Button type="button" variant="danger" onClick={() => setOpen(true)} aria-label={`Revoke ${name}`}>Revoke</Button>
      <ConfirmDialog open={open} title={`Revoke ${name}?`} confirmLabel="Revoke token" pending={pending} onConfirm={confirm} onClose={() => setOpen(false)}>
        <p>Scripts using this token stop working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
