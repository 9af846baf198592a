"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { normalizeMac } from "@/lib/schemas/fields";
import { allocateSchema, type AllocateData, type AllocateInput } from "@/lib/schemas/host";
import { allocateIpAction } from "@/app/(app)/networks/actions";
import { statusOptions } from "@/components/hosts/status-options";

const empty = { hostname: "", mac_address: "", cname: "", description: "", status: "active" as const };

/** "Allocate next IP": the server picks the first free address and creates the host atomically. */
export function AllocateForm({ networkId, disabledReason }: { networkId: number; disabledReason?: string }) {
  const router = useRouter();
  const [last, setLast] = useState<{ id: number; ip_address: string } | null>(null);
  const form = useForm<AllocateInput, unknown, AllocateData>({ resolver: zodResolver(allocateSchema), defaultValues: empty, mode: "onSubmit" });
  // Not on blur before the first submit: a blur error moved "Allocate next IP" from under the pointer and lost the click (as on /hosts/new).
  const { errors, isSubmitting } = form.formState;
  const mac = form.register("mac_address");

  // The action gets the schema's parsed values (canonical MAC, lowercase names, null for empty fields).
  const allocate = form.handleSubmit(async (values) => {
    const result = await allocateIpAction(networkId, values);
    if (!result.ok) {
      applyServerErrors(form, result);
      return;
    }
    setLast(result.data);
    toast.success(`Allocated ${result.data.ip_address}`);
    form.reset(empty);
    router.refresh();
  });
  // Each attempt starts clean: the last success must not stand beside this attempt's error.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    setLast(null);
    return allocate(event);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Allocate next IP">
      <div className="grid gap-x-3 sm:grid-cols-2">
        <Field label="Hostname" id="allocate-hostname" spellCheck={false} placeholder="web1" error={errors.hostname?.message} {...form.register("hostname")} />
        <Field
          label="MAC address"
          id="allocate-mac"
          spellCheck={false}
          placeholder="aa:bb:cc:dd:ee:ff"
          error={errors.mac_address?.message}
          {...mac}
          onBlur={(event) => {
            try {
              if (event.target.value.trim()) form.setValue("mac_address", normalizeMac(event.target.value.trim()));
            } catch {
              // Left as typed; the schema names the problem.
            }
            return mac.onBlur(event);
          }}
        />
        <Field label="CNAME aliases" id="allocate-cname" spellCheck={false} placeholder="www, intranet" error={errors.cname?.message} {...form.register("cname")} />
        <SelectField label="Status" id="allocate-status" options={statusOptions} error={errors.status?.message} {...form.register("status")} />
        <Field label="Description" id="allocate-description" className="sm:col-span-2" error={errors.description?.message} {...form.register("description")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isSubmitting} disabled={Boolean(disabledReason)}>Allocate next IP</Button>
        {disabledReason && <span className="text-sm text-slate-500">{disabledReason}</span>}
        {last && (
          <span className="text-sm text-slate-600" data-testid="allocated-ip">
            Allocated <Link href={`/hosts/${last.id}`} className="font-mono font-medium text-indigo-700 hover:underline">{last.ip_address}</Link>
          </span>
        )}
      </div>
    </form>
  );
}
