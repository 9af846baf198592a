"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ResetPasswordDialog } from "@/components/users/reset-password-dialog";
import { roleOptions } from "@/components/users/role-options";
import { ShownOncePassword } from "@/components/users/shown-once-password";
import type { Role } from "@/lib/auth/roles";
import type { UserOut } from "@/lib/schemas/user";
import { deleteUserAction, setUserDisabledAction, updateUserAction } from "@/app/(app)/admin/users/actions";

/** One user's controls: role, disable/enable, reset password, delete. The server refuses what would leave no active admin. */
export function UserRowActions({ user, isSelf }: { user: UserOut; isSelf: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<"reset" | "delete" | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);

  async function run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>, done: string) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      toast.error(result.message);
      return false;
    }
    toast.success(done);
    router.refresh();
    return true;
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>Role of {user.email}</label>
      <select
        id={`role-${user.id}`}
        value={user.role}
        disabled={busy}
        onChange={(event) => {
          const role = event.target.value as Role;
          void run(() => updateUserAction(user.id, { role }), `${user.email} is now ${role}`);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {roleOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <Button
        type="button"
        variant="secondary"
        pending={busy}
        onClick={() => run(() => setUserDisabledAction(user.id, !user.disabled), `${user.email} ${user.disabled ? "enabled" : "disabled"}`)}
      >
        {user.disabled ? "Enable" : "Disable"}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setDialog("reset")}>Reset password</Button>
      <Button type="button" variant="danger" onClick={() => setDialog("delete")}>Delete</Button>
      <ResetPasswordDialog user={user} open={dialog === "reset"} onClose={() => setDialog(null)} onGenerated={setGenerated} />
      <ConfirmDialog
        open={dialog === "delete"}
        title={`Delete ${user.email}?`}
        confirmLabel="Delete user"
        pending={busy}
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          if (await run(() => deleteUserAction(user.id), `${user.email} deleted`)) setDialog(null);
        }}
      >
        <p>Their API tokens and sessions end with them.{isSelf ? " This is your own account: you will be signed out." : ""} This cannot be undone.</p>
      </ConfirmDialog>
      {generated && (
        <div className="basis-full">
          <ShownOncePassword email={user.email} password={generated} onDone={() => setGenerated(null)} />
        </div>
      )}
    </div>
  );
}
