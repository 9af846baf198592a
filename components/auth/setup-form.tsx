"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { setupAdminSchema, type SetupAdminInput } from "@/lib/schemas/user";
import { PASSWORD_HINT } from "@/lib/auth/password-policy";
import { setupAdminAction } from "@/app/(auth)/setup/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";

export function SetupForm() {
  const router = useRouter();
  const form = useForm<SetupAdminInput>({
    resolver: zodResolver(setupAdminSchema),
    defaultValues: { email: "", name: "", password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await setupAdminAction(values);
    if (!result.ok) {
      applyServerErrors(form, result);
      return;
    }
    toast.success("Administrator created");
    await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    router.replace("/");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <Field label="Email" type="email" autoComplete="username" required error={errors.email?.message} {...form.register("email")} />
      <Field label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <Field label="Password" type="password" autoComplete="new-password" required hint={PASSWORD_HINT} error={errors.password?.message} {...form.register("password")} />
      <Field label="Confirm password" type="password" autoComplete="new-password" required error={errors.confirm?.message} {...form.register("confirm")} />
      <Button type="submit" pending={isSubmitting} className="w-full">Create administrator</Button>
    </form>
  );
}
