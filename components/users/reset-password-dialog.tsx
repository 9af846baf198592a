"use client";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { PASSWORD_HINT } from "@/lib/auth/password-policy";
import { passwordSchema } from "@/lib/schemas/user";
import type { UserOut } from "@/lib/schemas/user";
import { resetUserPasswordAction } from "@/app/(app)/admin/users/actions";

/** Reset: a typed password, or (left empty) a generated one handed to `onGenerated` to show once. Ends the user's sessions. */
export function ResetPasswordDialog({ user, open, onClose, onGenerated }: {
  user: UserOut;
  open: boolean;
  onClose: () => void;
  onGenerated: (password: string) => void;
}) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  function close() {
    setPassword("");
    setError(undefined);
    onClose();
  }

  async function confirm() {
    if (password) {
      const checked = passwordSchema.safeParse(password);
      if (!checked.success) return setError(checked.error.issues[0].message);
    }
    setPending(true);
    const result = await resetUserPasswordAction(user.id, password ? { password } : {});
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors?.password?.join(" "));
      toast.error(result.message);
      return;
    }
    toast.success(`Password of ${user.email} reset; their sessions ended`);
    if (result.data.password) onGenerated(result.data.password);
    close();
  }

  return (
    <ConfirmDialog open={open} title={`Reset the password of ${user.email}?`} confirmLabel="Reset password" variant="primary" pending={pending} onConfirm={confirm} onClose={close}>
      <p className="mb-3">They are signed out everywhere. Leave the field empty to generate a password, shown once.</p>
      <Field
        label="New password"
        name="reset-password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_HINT}; empty: generate one`}
        value={password}
        error={error}
        onChange={(event) => {
          setPassword(event.target.value);
          setError(undefined);
        }}
      />
    </ConfirmDialog>
  );
}
