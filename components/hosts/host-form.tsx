"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { statusOptions } from "@/components/hosts/status-options";
import { tryParseAddress } from "@/lib/ipam";
import { normalizeMac } from "@/lib/schemas/fields";
import { hostSchema, type HostInput } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import type { NetworkOption } from "@/lib/services/views/list-network-options";
import { createHostAction, lookupAddressAction, nextFreeIpAction, updateHostAction, type AddressInfo } from "@/app/(app)/hosts/actions";

const stateText: Record<AddressInfo["state"], string> = {
  available: "free",
  allocated: "already allocated",
  gateway: "the gateway",
  dhcp_pool: "in the DHCP pool",
  network_address: "the network address",
  broadcast_address: "the broadcast address",
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
  };
}

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
  const form = useForm<HostInput, unknown, unknown>({
    resolver: zodResolver(hostSchema),
    defaultValues: defaults(host, initialIp),
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;
  const [pickNetwork, setPickNetwork] = useState(String(initialNetworkId ?? host?.network_id ?? networks[0]?.id ?? ""));
  const [picking, startPicking] = useTransition();
  const [info, setInfo] = useState<AddressInfo | null>(null);
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
    });
  }

  const onSubmit = form.handleSubmit(async () => {
    const values = form.getValues();
    if (host) {
      const result = await updateHostAction(host.id, values);
      if (!result.ok) {
        applyServerErrors(form, result);
        return;
      }
      toast.success(`Host ${result.data.ip_address} saved`);
      form.reset(defaults(result.data));
      router.refresh();
      return;
    }
    const result = await createHostAction(values);
    if (!result.ok) {
      applyServerErrors(form, result);
      return;
    }
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
        {networks.length > 0 && (
          <div className="mb-3 flex flex-wrap items-end gap-2 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3 sm:col-span-2">
            <div className="min-w-0 flex-1">
              <label htmlFor="next-free-network" className="block text-sm font-medium text-slate-700">Next free in network</label>
              <select
                id="next-free-network"
                value={pickNetwork}
                onChange={(event) => setPickNetwork(event.target.value)}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
              >
                {networks.map((n) => (
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
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={isSubmitting}>{host ? "Save changes" : "Create host"}</Button>
        <Button type="button" variant="secondary" onClick={() => router.push(returnTo ?? (host ? "/hosts" : "/hosts"))}>Cancel</Button>
      </div>
    </form>
  );
}
