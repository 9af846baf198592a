"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { NewTokenSecret } from "@/components/tokens/new-token-secret";
import { tokenRoleOptions } from "@/components/tokens/role-options";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { Role } from "@/lib/auth/roles";
import { createApiTokenSchema, type CreateApiTokenInput } from "@/lib/schemas/api-token";
import { createTokenAction } from "@/app/(app)/account/tokens/actions";

const empty = (role: Role) => ({ name: "", role, expires_at: "", read_only: false, allowed_cidrs: "" });

/** Makes a token for the signed-in user; the result is shown once, then the form is back. */
export function CreateTokenForm({ maxRole }: { maxRole: Role }) {
  const router = useRouter();
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const form = useForm<CreateApiTokenInput, unknown, unknown>({
    resolver: zodResolver(createApiTokenSchema),
    defaultValues: empty("viewer"),
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async () => {
    // The resolver checked the input; the action parses the same raw values again.
    const result = await createTokenAction(form.getValues());
    if (!result.ok) {
      applyServerErrors(form, result);
      return;
    }
    setMade({ name: result.data.name, token: result.data.token });
    form.reset(empty("viewer"));
    toast.success(`Token ${result.data.name} created`);
    router.refresh();
  });

  if (made) return <NewTokenSecret name={made.name} token={made.token} onDone={() => setMade(null)} />;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New API token">
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
        <Field label="Name" required spellCheck={false} placeholder="ansible" hint="What the token is for" error={errors.name?.message} {...form.register("name")} />
        <SelectField
          label="Role"
          required
          options={tokenRoleOptions(maxRole)}
          hint="At most your own role"
          error={errors.role?.message}
          {...form.register("role")}
        />
        <Field label="Expires" type="date" hint="Empty: never" error={errors.expires_at?.message} {...form.register("expires_at")} />
        <Field
          label="Allowed client networks"
          spellCheck={false}
          placeholder="10.0.0.0/8, 2001:db8::/32"
          hint="Comma-separated CIDRs the token may be used from; empty: anywhere"
          error={errors.allowed_cidrs?.message}
          {...form.register("allowed_cidrs")}
        />
        <CheckboxField
          label="Read-only"
          className="sm:col-span-2"
          hint="The token can only read, whatever its role"
          error={errors.read_only?.message}
          {...form.register("read_only")}
        />
      </div>
      <p className="text-xs text-slate-500">A token&apos;s role, networks, expiry and read-only flag cannot be changed later: make a new token instead.</p>
      <Button type="submit" pending={isSubmitting}>Create token</Button>
    </form>
  );
}
