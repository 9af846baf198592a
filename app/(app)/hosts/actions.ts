"use server";
import { z } from "zod";
import { requireActionActor } from "@/lib/auth/session";
import { runAction, withChangeMessage, type ActionResult } from "@/lib/action-result";
import { splitChangeMessage } from "@/lib/schemas/change";
import { hostPatchSchema, hostSchema } from "@/lib/schemas/host";
import { bulkHostDeleteSchema, bulkHostEditSchema, type BulkEditOut } from "@/lib/schemas/host-bulk";
import { addressField } from "@/lib/schemas/fields";
import type { IpState } from "@/lib/schemas/ip";
import type { HostOut } from "@/lib/schemas/responses";
import { bulkDeleteHosts } from "@/lib/services/hosts/bulk-delete-hosts";
import { bulkEditHosts } from "@/lib/services/hosts/bulk-edit-hosts";
import { createHost } from "@/lib/services/hosts/create-host";
import { deleteHost } from "@/lib/services/hosts/delete-host";
import { updateHost } from "@/lib/services/hosts/update-host";
import { getNextIp } from "@/lib/services/ip/get-next-ip";
import { lookupAddress } from "@/lib/services/ip/lookup-address";

// Each action checks the session and role itself, parses once with the
// shared schema and hands the parsed value to the service.

const id = z.number().int().positive();

export async function createHostAction(input: unknown): Promise<ActionResult<{ id: number; ip_address: string; network_id: number | null }>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    const { message, rest } = splitChangeMessage(input);
    const host = await withChangeMessage(message, () => createHost(actor, hostSchema.parse(rest)));
    return { id: host.id, ip_address: host.ip_address, network_id: host.network_id };
  });
}

/** Edit form: only the fields on the form change (PATCH semantics); its change_message goes on the change record. */
export async function updateHostAction(hostId: number, input: unknown): Promise<ActionResult<HostOut>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    const { message, rest } = splitChangeMessage(input);
    return withChangeMessage(message, () => updateHost(actor, id.parse(hostId), { patch: hostPatchSchema.parse(rest) }));
  });
}

export async function deleteHostAction(hostId: number): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    await deleteHost(actor, id.parse(hostId));
    return undefined;
  });
}

/** `{ select: { ids } }`, or `{ select: { filter, expected_count } }` for "all N matching". */
export async function bulkDeleteHostsAction(input: unknown): Promise<ActionResult<{ deleted: number }>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    return bulkDeleteHosts(actor, bulkHostDeleteSchema.parse(input).select);
  });
}

/** Bulk edit dialog: `dryRun` previews (what would change per host), otherwise applies, all or nothing. */
export async function bulkEditHostsAction(input: unknown, dryRun: unknown = false): Promise<ActionResult<BulkEditOut>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    return bulkEditHosts(actor, bulkHostEditSchema.parse(input), { dryRun: z.boolean().parse(dryRun) });
  });
}

/** Host form's "next free in network …" (a read: the address is only suggested, not taken). */
export async function nextFreeIpAction(networkId: number): Promise<ActionResult<string>> {
  return runAction(async () => {
    const actor = await requireActionActor("viewer");
    return (await getNextIp(actor, id.parse(networkId))).ip_address;
  });
}

export interface AddressInfo {
  ip_address: string;
  state: IpState;
  network: { id: number; prefix: string; name: string | null } | null;
  host: { id: number; hostname: string | null } | null;
}

/** Host form: the network an address belongs to and whether it is taken, as GET /ip/{address} tells. */
export async function lookupAddressAction(address: string): Promise<ActionResult<AddressInfo>> {
  return runAction(async () => {
    const actor = await requireActionActor("viewer");
    const canonical = addressField().parse(address);
    const found = await lookupAddress(actor, canonical);
    return {
      ip_address: found.ip_address,
      state: found.state,
      network: found.network && { id: found.network.id, prefix: found.network.prefix, name: found.network.name },
      host: found.host && { id: found.host.id, hostname: found.host.hostname },
    };
  });
}
