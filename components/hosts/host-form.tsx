"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { ChangeMessageField } from "@/components/changes/change-message-field";
import { changeMessageResolver, type WithChangeMessage } from "@/components/changes/change-message-resolver";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { statusOptions } from "@/components/hosts/status-options";
import { useRecentNetwork } from "@/components/hosts/use-recent-network";
import { tryParseAddress } from "@/lib/ipam";
import { normalizeMac } from "@/lib/schemas/fields";
import { hostInputSchema, hostPatchSchema, hostSchema, type HostInput } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import type { NetworkOption } from "@/lib/services/views/list-network-options";
import { createHostAction, lookupAddressAction, nextFreeIpAction, updateHostAction, type AddressInfo } from "@/app/(app)/hosts/actions";

const stateText: Record<AddressInfo["state"], string> = {
  available: "free",
  allocated: "already allocated",
  gateway: "the gateway",
  dhcp_pool: "in the DHCP pool (a host there needs a MAC address: a static lease)",
  network_address: "the network address",
  broadcast_address: "the broadcast address",
  child_network: "inside a child network",
  blocked: "in a network that takes no new hosts",
  unmanaged: "not inside any network",
};

function defaults(host?: HostOut, ip?: string) {
  return {
    ip_address: host?.ip_address ?? ip ?? "",
    hostname: host?.hostname ?? "",
    mac_address: host?.mac_address ?? "",
    cname: host?.cname ?? "",
    status: host?.status ?? "active",
    description: host?.description ?? "",
    allow_duplicate_name: host?.allow_duplicate_name ?? false,
    change_message: "",
  };
}

/** A 422 on the address may carry the nearest free address outside the DHCP pool. */
function suggestionOf(details: Record<string, unknown> | undefined): string | null {
  return typeof details?.suggestion === "string" ? details.suggestion : null;
}

/** Errors that name no field but are about one: the network the address falls in takes no hosts. */
const errorField = { network_is_container: "ip_address", network_not_allocatable: "ip_address", network_full: "ip_address" } as const;

/**
 * Create and edit a host. The address can be typed or taken as the next free
 * one of a network; the network it falls in is shown as derived from it.
 */
export function HostForm({
  host,
  networks,
  initialIp,
  initialNetworkId,
  returnTo,
}: {
  host?: HostOut;
  networks: NetworkOption[];
  initialIp?: string;
  initialNetworkId?: number;
  returnTo?: string;
}) {
  const router = useRouter();
  const form = useForm<WithChangeMessage<HostInput>, unknown, unknown>({
    resolver: changeMessageResolver(zodResolver(hostSchema)),
    defaultValues: defaults(host, initialIp),
    // Not on blur before the first submit: the IP field has focus on load, and its "required" error,
    // shown when a click elsewhere blurs it, moved "Use next free" and Cancel away from under the pointer.
    mode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  // Containers, reserved and deprecated networks take no new hosts: not offered for "next free".
  const open = networks.filter((n) => n.allocatable);
  const { value: pickNetwork, setValue: setPickNetwork, remember: rememberNetwork } = useRecentNetwork(initialNetworkId ?? host?.network_id, open.map((n) => n.id));
  const [picking, startPicking] = useTransition();
  const [info, setInfo] = useState<AddressInfo | null>(null);
  const [suggestion, setSuggestion] = useState<{ for: string; address: string } | null>(null);
  const ip = form.watch("ip_address");
  const mac = form.register("mac_address");

  // The network shown is the one the server derives from the address.
  useEffect(() => {
    const text = typeof ip === "string" ? ip.trim() : "";
    if (!tryParseAddress(text)) {
      setInfo(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await lookupAddressAction(text);
      if (!stale) setInfo(result.ok ? result.data : null);
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [ip]);

  function takeNextFree() {
    startPicking(async () => {
      const result = await nextFreeIpAction(Number(pickNetwork));
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      form.setValue("ip_address", result.data, { shouldValidate: true, shouldDirty: true });
      rememberNetwork(Number(pickNetwork));
    });
  }

  function refused(result: Extract<Awaited<ReturnType<typeof createHostAction>>, { ok: false }>) {
    applyServerErrors(form, result, {}, errorField);
    const address = suggestionOf(result.details);
    setSuggestion(address ? { for: String(form.getValues("ip_address")), address } : null);
  }

  const onSubmit = form.handleSubmit(async () => {
    // The resolver checked every rule; the action gets the input schema's output (canonical address, MAC, names).
    const { change_message, ...raw } = form.getValues();
    setSuggestion(null);
    if (host) {
      const result = await updateHostAction(host.id, { ...hostPatchSchema.parse(raw), change_message });
      if (!result.ok) {
        refused(result);
        return;
      }
      toast.success(`Host ${result.data.ip_address} saved`);
      form.reset(defaults(result.data));
      router.refresh();
      return;
    }
    const result = await createHostAction(hostInputSchema.parse(raw));
    if (!result.ok) {
      refused(result);
      return;
    }
    rememberNetwork(result.data.network_id);
    toast.success(`Host ${result.data.ip_address} created`);
    router.push(returnTo ?? `/hosts/${result.data.id}`);
    router.refresh();
  });

  const takenByOther = info?.host && info.host.id !== host?.id;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={host ? "Edit host" : "New host"}>
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Field
            label="IP address"
            required
            autoFocus={!host && !initialIp}
            spellCheck={false}
            autoComplete="off"
            placeholder="10.0.0.10 or 2001:db8::10"
            error={errors.ip_address?.message}
            {...form.register("ip_address")}
          />
          {suggestion && suggestion.for === ip && (
            <button
              type="button"
              className="-mt-1 mb-2 text-xs font-medium text-indigo-700 hover:underline"
              onClick={() => {
                form.setValue("ip_address", suggestion.address, { shouldValidate: true, shouldDirty: true });
                setSuggestion(null);
              }}
            >
              Use {suggestion.address}
            </button>
          )}
          <div className="-mt-0.5 mb-2 text-xs text-slate-600" aria-live="polite" data-testid="derived-network">
            {info &&
              (info.network ? (
                <>
                  Network{" "}
                  <Link href={`/networks/${info.network.id}`} className="font-mono font-medium text-indigo-700 hover:underline">{info.network.prefix}</Link>
                  {info.network.name && ` (${info.network.name})`} · address is{" "}
                  {takenByOther ? (
                    <span className="text-amber-700">
                      taken by <Link href={`/hosts/${info.host!.id}`} className="underline">{info.host!.hostname ?? `host ${info.host!.id}`}</Link>
                    </span>
                  ) : info.host ? (
                    "this host"
                  ) : (
                    stateText[info.state]
                  )}
                </>
              ) : (
                <span className="text-amber-700">Not inside any network</span>
              ))}
          </div>
        </div>
        {open.length > 0 && (
          <div className="mb-3 flex flex-wrap items-end gap-2 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3 sm:col-span-2">
            <div className="min-w-0 flex-1">
              <label htmlFor="next-free-network" className="block text-sm font-medium text-slate-700">Next free in network</label>
              <select
                id="next-free-network"
                value={pickNetwork}
                onChange={(event) => setPickNetwork(event.target.value)}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
              >
                {open.map((n) => (
                  <option key={n.id} value={n.id}>{n.prefix}{n.name ? ` — ${n.name}` : ""}</option>
                ))}
              </select>
            </div>
            <Button type="button" variant="secondary" pending={picking} onClick={takeNextFree}>Use next free</Button>
          </div>
        )}
        <Field label="Hostname" spellCheck={false} placeholder="web1" error={errors.hostname?.message} {...form.register("hostname")} />
        <Field
          label="MAC address"
          spellCheck={false}
          placeholder="aa:bb:cc:dd:ee:ff"
          hint="Any common format; stored as aa:bb:cc:dd:ee:ff"
          error={errors.mac_address?.message}
          {...mac}
          onBlur={(event) => {
            const value = event.target.value.trim();
            try {
              if (value) form.setValue("mac_address", normalizeMac(value));
            } catch {
              // Left as typed; validation names the problem.
            }
            return mac.onBlur(event);
          }}
        />
        <Field label="CNAME aliases" spellCheck={false} placeholder="www, intranet" hint="Comma-separated" error={errors.cname?.message} {...form.register("cname")} />
        <SelectField label="Status" required options={statusOptions} error={errors.status?.message} {...form.register("status")} />
        <TextareaField label="Description" rows={3} className="sm:col-span-2" error={errors.description?.message} {...form.register("description")} />
        <CheckboxField
          label="Allow duplicate name (round-robin DNS)"
          className="sm:col-span-2"
          hint="Lets other hosts that allow it share this hostname, so the name answers with every address. Aliases are never shared."
          error={errors.allow_duplicate_name?.message}
          {...form.register("allow_duplicate_name")}
        />
        {host && <ChangeMessageField className="sm:col-span-2" error={errors.change_message?.message} {...form.register("change_message")} />}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={isSubmitting}>{host ? "Save changes" : "Create host"}</Button>
        <Button type="button" variant="secondary" onClick={() => router.push(returnTo ?? (host ? "/hosts" : "/hosts"))}>Cancel</Button>
      </div>
    </form>
  );
}
