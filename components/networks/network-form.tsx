"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { ChangeMessageField } from "@/components/changes/change-message-field";
import { changeMessageResolver, type WithChangeMessage } from "@/components/changes/change-message-resolver";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { networkStatusOptions } from "@/components/networks/network-status";
import { useContainmentConfirm } from "@/components/networks/use-containment-confirm";
import { TextareaField } from "@/components/ui/textarea-field";
import { isIpamError, parsePrefix } from "@/lib/ipam";
import type { NetworkStatus } from "@/lib/schemas/fields";
import { networkInputSchema, networkPatchSchema, networkSchema, type NetworkData, type NetworkInput } from "@/lib/schemas/network";
import type { NetworkOut } from "@/lib/schemas/responses";
import { createNetworkAction, updateNetworkAction } from "@/app/(app)/networks/actions";

type Values = {
  network: string;
  cidr: string;
  name: string;
  domain: string;
  vlan_id: string;
  location: string;
  gateway: string;
  dhcp_start: string;
  dhcp_end: string;
  description: string;
  status: NetworkStatus;
  utilization_threshold: string;
  change_message: string;
};

function defaults(network?: NetworkOut, initialPrefix?: string): Values {
  return {
    network: network ? network.prefix : initialPrefix ?? "",
    cidr: "",
    name: network?.name ?? "",
    domain: network?.domain ?? "",
    vlan_id: network?.vlan_id?.toString() ?? "",
    location: network?.location ?? "",
    gateway: network?.gateway ?? "",
    dhcp_start: network?.dhcp_start ?? "",
    dhcp_end: network?.dhcp_end ?? "",
    description: network?.description ?? "",
    status: network?.status ?? "active",
    utilization_threshold: network?.utilization_threshold?.toString() ?? "",
    change_message: "",
  };
}

/** "10.0.0.5/24" → "10.0.0.0/24": the network the user probably meant, or null. */
function hostBitsSuggestion(text: string): string | null {
  try {
    parsePrefix(text);
    return null;
  } catch (error) {
    return isIpamError(error) && error.code === "host_bits_set" ? error.suggestion ?? null : null;
  }
}

/**
 * Create and edit a network. The same zod schema validates here, in the
 * action and in the service; the action gets the parsed values (canonical
 * addresses, numbers, null for empty fields). `initialPrefix` prefills a new
 * network ("Create network here" on a container's free block).
 * `defaultThreshold`: UTILIZATION_WARN_PERCENT, what a blank threshold means.
 */
export function NetworkForm({ network, cancelHref, initialPrefix, defaultThreshold }: {
  network?: NetworkOut; cancelHref: string; initialPrefix?: string; defaultThreshold: number;
}) {
  const router = useRouter();
  const form = useForm<WithChangeMessage<NetworkInput>, unknown, NetworkData>({
    resolver: changeMessageResolver(zodResolver(networkSchema)),
    defaultValues: defaults(network, initialPrefix),
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;
  const containment = useContainmentConfirm();
  const prefixError = errors.network?.message ?? errors.cidr?.message;
  const suggestion = prefixError ? hostBitsSuggestion(form.watch("network")) : null;

  const onSubmit = form.handleSubmit(async () => {
    // The resolver checked the cross-field rules; what is sent is the input schema's output.
    const { change_message, ...raw } = form.getValues();
    if (!network && !(await containment.mayCreate(networkInputSchema.parse(raw)))) return;
    const result = network
      ? await updateNetworkAction(network.id, { ...networkPatchSchema.parse(raw), change_message })
      : await createNetworkAction(networkInputSchema.parse(raw));
    if (!result.ok) {
      // A conflict that names no field (an overlapping pool or network) is about the prefix.
      applyServerErrors(form, result, { cidr: "network" }, { conflict: "network" });
      return;
    }
    toast.success(network ? `Network ${result.data.prefix} saved` : `Network ${result.data.prefix} created`);
    router.push(`/networks/${result.data.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={network ? "Edit network" : "New network"}>
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Field
            label="Network (CIDR)"
            required
            autoFocus={!network}
            spellCheck={false}
            autoComplete="off"
            placeholder="10.0.0.0/24 or 2001:db8::/64"
            hint="Network address and prefix length"
            error={prefixError}
            {...form.register("network")}
          />
          {suggestion && (
            <button
              type="button"
              className="-mt-1 mb-2 text-xs font-medium text-indigo-700 hover:underline"
              onClick={() => {
                form.setValue("network", suggestion, { shouldValidate: true });
                form.clearErrors("cidr");
              }}
            >
              Use {suggestion} instead
            </button>
          )}
        </div>
        <Field label="Name" placeholder="Office LAN" error={errors.name?.message} {...form.register("name")} />
        <SelectField
          label="Status"
          options={networkStatusOptions}
          hint="Only active networks take new hosts"
          error={errors.status?.message}
          {...form.register("status")}
        />
        <Field label="Domain" placeholder="office.example.com" spellCheck={false} error={errors.domain?.message} {...form.register("domain")} />
        <Field label="VLAN ID" inputMode="numeric" placeholder="1–4094" error={errors.vlan_id?.message} {...form.register("vlan_id")} />
        <Field label="Location" placeholder="Building A" error={errors.location?.message} {...form.register("location")} />
        <Field label="Gateway" spellCheck={false} placeholder="10.0.0.1" error={errors.gateway?.message} {...form.register("gateway")} />
        <Field label="DHCP pool start" spellCheck={false} placeholder="10.0.0.100" error={errors.dhcp_start?.message} {...form.register("dhcp_start")} />
        <Field label="DHCP pool end" spellCheck={false} placeholder="10.0.0.199" error={errors.dhcp_end?.message} {...form.register("dhcp_end")} />
        <Field
          label="Utilization threshold (%)"
          inputMode="numeric"
          placeholder={String(defaultThreshold)}
          hint={`Flag the network from this utilization on, 1–100. Blank: the default, ${defaultThreshold}%`}
          error={errors.utilization_threshold?.message}
          {...form.register("utilization_threshold")}
        />
        <TextareaField label="Description" rows={3} className="sm:col-span-2" error={errors.description?.message} {...form.register("description")} />
        {network && <ChangeMessageField className="sm:col-span-2" error={errors.change_message?.message} {...form.register("change_message")} />}
      </div>
      {containment.notice}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={isSubmitting}>{network ? "Save changes" : "Create network"}</Button>
        <Button type="button" variant="secondary" onClick={() => router.push(cancelHref)}>Cancel</Button>
      </div>
    </form>
  );
}
