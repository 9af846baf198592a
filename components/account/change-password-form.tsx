"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_HINT } from "@/lib/auth/password-policy";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "@/lib/schemas/user";
import { changeOwnPasswordAction } from "@/app/(app)/account/actions";

const empty: ChangeOwnPasswordInput = { current_password: "", new_password: "", confirm_password: "" };

/** The current password, then the new one twice; other sessions end, this one stays. */
export function ChangePasswordForm() {
  const router = useRouter();
  const form = useForm<ChangeOwnPasswordInput>({ resolver: zodResolver(changeOwnPasswordSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await changeOwnPasswordAction(values);
    if (!result.ok) {
      applyServerErrors(form, result);
      return;
    }
    toast.success("Password changed; your other sessions were signed out");
    form.reset(empty);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Change password">
      <Field label="Current password" type="password" autoComplete="current-password" required error={errors.current_password?.message} {...form.register("current_password")} />
      <Field label="New password" type="password" autoComplete="new-password" required hint={PASSWORD_HINT} error={errors.new_password?.message} {...form.register("new_password")} />
      <Field label="Repeat new password" type="password" autoComplete="new-password" required error={errors.confirm_password?.message} {...form.register("confirm_password")} />
      <Button type="submit" pending={isSubmitting}>Change password</Button>
    </form>
  );
}
