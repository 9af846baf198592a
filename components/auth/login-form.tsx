"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signInFailureMessage } from "@/lib/auth/too-many-sign-in-attempts";
import { loginSchema, type LoginInput } from "@/lib/schemas/user";

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const signInWith = form.handleSubmit(async (values) => {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFailure(signInFailureMessage(result?.error));
      return;
    }
    router.replace(safeCallbackUrl(params.get("callbackUrl"), window.location.origin));
    router.refresh();
  });
  // Every attempt starts clean: the last attempt's "Wrong email or password" must not
  // stand beside this attempt's field errors, which are about something else.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    setFailure(null);
    return signInWith(event);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <Field label="Email" type="email" autoComplete="username" required error={errors.email?.message} {...form.register("email")} />
      <Field label="Password" type="password" autoComplete="current-password" required error={errors.password?.message} {...form.register("password")} />
      {failure && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{failure}</p>}
      <Button type="submit" pending={isSubmitting} className="w-full">Sign in</Button>
    </form>
  );
}
