"use server";
import { z } from "zod";
import { requireActionActor } from "@/lib/auth/session";
import { runAction, withChangeMessage, type ActionResult } from "@/lib/action-result";
import { splitChangeMessage } from "@/lib/schemas/change";
import { allocateSchema } from "@/lib/schemas/host";
import { availableSubnetsQuery } from "@/lib/schemas/ip";
import type { AvailableSubnetsOut } from "@/lib/schemas/responses";
import { networkPatchSchema, networkSchema } from "@/lib/schemas/network";
import { createNetwork } from "@/lib/services/networks/create-network";
import { deleteNetwork } from "@/lib/services/networks/delete-network";
import { patchNetwork } from "@/lib/services/networks/patch-network";
import { listAvailableSubnets } from "@/lib/services/networks/list-available-subnets";
import { previewNetworkContainment, type NetworkContainment } from "@/lib/services/networks/preview-network-containment";
import { allocateIp } from "@/lib/services/ip/allocate-ip";

// Each action can be POSTed directly, so each checks the session and role
// itself and parses its input once with the shared schema; the service takes
// the parsed value and enforces the rules, exactly as for the REST API.

const id = z.number().int().positive();

/** New network form and "create this subnet" in the planner. */
export async function createNetworkAction(input: unknown): Promise<ActionResult<{ id: number; prefix: string }>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    const { message, rest } = splitChangeMessage(input);
    const network = await withChangeMessage(message, () => createNetwork(actor, networkSchema.parse(rest)));
    return { id: network.id, prefix: network.prefix };
  });
}

/** Edit form: only the fields on the form change (PATCH semantics); its change_message goes on the change record. */
export async function updateNetworkAction(networkId: number, input: unknown): Promise<ActionResult<{ id: number; prefix: string }>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    const { message, rest } = splitChangeMessage(input);
    const network = await withChangeMessage(message, () => patchNetwork(actor, id.parse(networkId), networkPatchSchema.parse(rest)));
    return { id: network.id, prefix: network.prefix };
  });
}

export async function deleteNetworkAction(networkId: number): Promise<ActionResult<undefined>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    await deleteNetwork(actor, id.parse(networkId));
    return undefined;
  });
}

/** Subnet planner: the creatable child prefixes of one length with the hosts each takes in (a read; viewers may plan). */
export async function planSubnetsAction(
  networkId: number, plan: { cidr: number; empty_only: boolean },
): Promise<ActionResult<AvailableSubnetsOut["items"]>> {
  return runAction(async () => {
    const actor = await requireActionActor("viewer");
    const query = availableSubnetsQuery.parse({ cidr: plan.cidr, limit: 64, empty_only: String(plan.empty_only === true) });
    return (await listAvailableSubnets(actor, id.parse(networkId), query)).items;
  });
}

/** "Allocate next IP": the service picks and inserts the address in one transaction. */
export async function allocateIpAction(networkId: number, input: unknown): Promise<ActionResult<{ id: number; ip_address: string }>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    const host = await allocateIp(actor, id.parse(networkId), allocateSchema.parse(input));
    const first = "items" in host ? host.items[0] : host;
    return { id: first.id, ip_address: first.ip_address };
  });
}

/** New network form: the existing networks the new one would contain, asked about before it silently becomes their parent. */
export async function networkContainmentAction(input: unknown): Promise<ActionResult<NetworkContainment>> {
  return runAction(async () => {
    const actor = await requireActionActor("editor");
    return previewNetworkContainment(actor, networkSchema.parse(input));
  });
}
