"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { roleHint, roleOptions } from "@/components/users/role-options";
import { ShownOncePassword } from "@/components/users/shown-once-password";
import { PASSWORD_HINT } from "@/lib/auth/password-policy";
import { createUserSchema, type CreateUserData, type CreateUserInput } from "@/lib/schemas/user";
import { createUserAction } from "@/app/(app)/admin/users/actions";

const empty: CreateUserInput = { email: "", name: "", role: "viewer", password: "" };

/** New user with a role; the admin types a password or lets the server generate one (shown once). */
export function CreateUserForm() {
  const router = useRouter();
  const [generate, setGenerate] = useState(true);
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);
  // shouldUnregister: with "generate" on, the password input is gone and so is its value (absent = generate).
  const form = useForm<CreateUserInput, unknown, CreateUserData>({ resolver: zodResolver(createUserSchema), defaultValues: empty, shouldUnregister: true });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createUserAction({ ...values, password: generate ? null : values.password });
    if (!result.ok) {
      applyServerErrors(form, result);
      return;
    }
    toast.success(`User ${result.data.email} created`);
    if (result.data.password) setShown({ email: result.data.email, password: result.data.password });
    form.reset(empty);
    router.refresh();
  });

  return (
    <div className="space-y-4">
      {shown && <ShownOncePassword email={shown.email} password={shown.password} onDone={() => setShown(null)} />}
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="New user">
        <Field label="Email" type="email" autoComplete="off" required error={errors.email?.message} {...form.register("email")} />
        <Field label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
        <SelectField label="Role" options={roleOptions} hint={roleHint} error={errors.role?.message} {...form.register("role")} />
        <CheckboxField label="Generate a password" name="generate" checked={generate} onChange={(event) => setGenerate(event.target.checked)} hint="Shown once after creating" />
        {!generate && (
          <Field label="Password" type="password" autoComplete="new-password" required hint={PASSWORD_HINT} error={errors.password?.message} {...form.register("password")} />
        )}
        <Button type="submit" pending={isSubmitting} className="w-full">Create user</Button>
      </form>
    </div>
  );
}
